import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CODE_LANGUAGES } from '../editor/code-languages';
import { codeBlock, link, moveCell, prefixLines, table, wrap, type TextState } from '../editor/markdown-edits';
import { msg, type MessageKey } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { TextareaTarget } from './textarea-target';

type Action = 'heading' | 'bold' | 'list' | 'numbered' | 'tasks' | 'link' | 'image' | 'quote' | 'code' | 'table';

// Drawn here rather than as emoji: office PCs and this server's fonts lack emoji glyphs.
const icon = (path: TemplateResult) => html`<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${path}</svg>`;
const LINK = icon(svg`<path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/><path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>`);
const IMAGE = icon(svg`<rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="8.5" cy="8.5" r="1.5"/><path d="m21 15-5-5L5 21"/>`);
const TABLE = icon(svg`<rect x="3" y="4" width="18" height="16" rx="1"/><path d="M3 10h18M3 15h18M9 4v16M15 4v16"/>`);

const BUTTONS: { action: Action; label: MessageKey; glyph: string | TemplateResult; key?: string }[] = [
  { action: 'heading', label: 'toolbar.heading', glyph: 'H' },
  { action: 'bold', label: 'toolbar.bold', glyph: 'B', key: 'b' },
  { action: 'list', label: 'toolbar.list', glyph: '•' },
  { action: 'numbered', label: 'toolbar.numbered', glyph: '1.' },
  { action: 'tasks', label: 'toolbar.tasks', glyph: '☑' },
  { action: 'quote', label: 'toolbar.quote', glyph: '❝' },
  { action: 'link', label: 'toolbar.link', glyph: LINK, key: 'k' },
  { action: 'image', label: 'toolbar.image', glyph: IMAGE },
  { action: 'table', label: 'toolbar.table', glyph: TABLE },
  { action: 'code', label: 'toolbar.code', glyph: '</>' },
];

/**
 * The Markdown editor's toolbar for the textarea named by `for`: heading, bold, lists, quote,
 * link, image, a table of n×m and a code block in a chosen language. Each button edits the text
 * (markdown-edits.ts) and fires `input` on the textarea, so the page's state, preview and unsaved
 * guard follow as for typing. A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons.
 * In the textarea, Ctrl+B and Ctrl+K work, and Tab in a table row moves to the next cell.
 * @attr for - id of the textarea, in the same document or shadow root.
 */
@customElement('kotsu-md-toolbar')
export class KotsuMdToolbar extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 0 0 0.35rem; }
    [role=toolbar] { display: flex; flex-wrap: wrap; gap: 0.25rem; align-items: center; }
    button.tool { display: inline-flex; align-items: center; justify-content: center; min-width: 2.5rem; min-height: 36px; padding: 0.2rem 0.5rem; border: 1px solid var(--kotsu-border); background: var(--kotsu-surface);
      border-radius: 4px; font: inherit; font-weight: 600; color: inherit; cursor: pointer; }
    button.tool:hover { background: #eef1f5; }
    button.tool[aria-expanded=true] { background: #e2e8f0; }
    .panel { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin-top: 0.35rem; padding: 0.5rem; border: 1px solid var(--kotsu-border);
      border-radius: 6px; background: var(--kotsu-surface); }
    .panel label { margin: 0; font-size: 0.875rem; }
    .panel input { width: 4.5rem; }
    .panel select { width: auto; }
  `];

  @property() for = '';
  @state() private _open: 'table' | 'code' | null = null;
  @state() private _focus = 0;
  @state() private _rows = 2;
  @state() private _cols = 3;
  @state() private _lang = CODE_LANGUAGES[0]!.fence;

  private readonly onKeydown = (e: KeyboardEvent) => {
    const ta = this._target;
    if (!ta || e.isComposing) return;
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const next = moveCell(this.state(ta), e.shiftKey);
      if (!next) return;
      e.preventDefault();
      ta.setSelectionRange(next.start, next.end);
      return;
    }
    const shortcut = BUTTONS.find((b) => b.key === e.key.toLowerCase());
    if (shortcut && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      this.apply(shortcut.action);
    }
  };

  private readonly _textarea = new TextareaTarget({ keydown: this.onKeydown as EventListener });

  private get _target(): HTMLTextAreaElement | null {
    return this._textarea.current;
  }

  override disconnectedCallback(): void {
    this._textarea.follow(this, null);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    this._textarea.follow(this, this.for);
  }

  private state(ta: HTMLTextAreaElement): TextState {
    return { value: ta.value, start: ta.selectionStart, end: ta.selectionEnd };
  }

  /**
   * Puts an edit into the textarea as typing would: only the changed stretch is replaced, through
   * the browser's own insertText where it exists, so Ctrl+Z undoes a toolbar edit; the textarea
   * fires `input` and the page's state, preview and unsaved guard follow.
   */
  private commit(next: TextState): void {
    const ta = this._target;
    if (!ta) return;
    const old = ta.value;
    let head = 0;
    while (head < old.length && head < next.value.length && old[head] === next.value[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < next.value.length - head && old[old.length - 1 - tail] === next.value[next.value.length - 1 - tail]) tail++;
    const inserted = next.value.slice(head, next.value.length - tail);
    ta.focus();
    ta.setSelectionRange(head, old.length - tail);
    const done = inserted === '' ? document.execCommand('delete') : document.execCommand('insertText', false, inserted);
    if (!done || ta.value !== next.value) {
      ta.value = next.value;
      ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    ta.setSelectionRange(next.start, next.end);
  }

  private apply(action: Action): void {
    const ta = this._target;
    if (!ta) return;
    const s = this.state(ta);
    switch (action) {
      case 'heading': return this.commit(prefixLines(s, '## '));
      case 'bold': return this.commit(wrap(s, '**', msg('toolbar.boldText')));
      case 'list': return this.commit(prefixLines(s, '- '));
      case 'numbered': return this.commit(prefixLines(s, (n) => `${n}. `));
      case 'tasks': return this.commit(prefixLines(s, '- [ ] '));
      case 'quote': return this.commit(prefixLines(s, '> '));
      case 'link': return this.commit(link(s, msg('toolbar.linkText')));
      case 'image': return this.commit(link(s, msg('toolbar.imageAlt'), true));
      case 'table':
      case 'code':
        this._open = this._open === action ? null : action;
    }
  }

  private insertTable(): void {
    const ta = this._target;
    if (!ta) return;
    const rows = Math.min(Math.max(Math.trunc(this._rows) || 1, 1), 30);
    const cols = Math.min(Math.max(Math.trunc(this._cols) || 1, 1), 10);
    this._open = null;
    this.commit(table(this.state(ta), rows, cols, (c) => msg('toolbar.column', { n: c })));
  }

  private insertCode(): void {
    const ta = this._target;
    if (!ta) return;
    this._open = null;
    this.commit(codeBlock(this.state(ta), this._lang));
  }

  /** Arrow keys, Home and End move between the buttons (one tab stop for the whole toolbar). */
  private onToolbarKey(e: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    const step = moves[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const n = BUTTONS.length;
    this._focus = Number.isFinite(step) ? (this._focus + step + n) % n : step < 0 ? 0 : n - 1;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLButtonElement>('button.tool')[this._focus]?.focus());
  }

  private panel() {
    if (this._open === 'table') {
      return html`<div class="panel" id="tb-panel" role="group" aria-label=${msg('toolbar.table')}>
        <div><label for="tb-rows">${msg('toolbar.rows')}</label>
          <input id="tb-rows" type="number" min="1" max="30" .value=${String(this._rows)} @input=${(e: Event) => { this._rows = Number((e.target as HTMLInputElement).value); }} /></div>
        <div><label for="tb-cols">${msg('toolbar.cols')}</label>
          <input id="tb-cols" type="number" min="1" max="10" .value=${String(this._cols)} @input=${(e: Event) => { this._cols = Number((e.target as HTMLInputElement).value); }} /></div>
        <button type="button" class="btn" @click=${() => this.insertTable()}>${msg('toolbar.insert')}</button>
        <span class="muted">${msg('toolbar.tableHint')}</span>
      </div>`;
    }
    if (this._open === 'code') {
      return html`<div class="panel" id="tb-panel" role="group" aria-label=${msg('toolbar.code')}>
        <div><label for="tb-lang">${msg('toolbar.language')}</label>
          <select id="tb-lang" @change=${(e: Event) => { this._lang = (e.target as HTMLSelectElement).value; }}>
            ${CODE_LANGUAGES.map((l) => html`<option value=${l.fence} ?selected=${l.fence === this._lang}>${l.label}</option>`)}
          </select></div>
        <button type="button" class="btn" @click=${() => this.insertCode()}>${msg('toolbar.insert')}</button>
      </div>`;
    }
    return nothing;
  }

  override render() {
    return html`
      <div role="toolbar" aria-label=${msg('toolbar.label')} @keydown=${this.onToolbarKey}>
        ${BUTTONS.map((b, i) => html`<button type="button" class="tool" tabindex=${i === this._focus ? 0 : -1}
          aria-label=${msg(b.label)} title=${msg(b.label)}
          aria-expanded=${b.action === 'table' || b.action === 'code' ? String(this._open === b.action) : nothing}
          aria-controls=${(b.action === 'table' || b.action === 'code') && this._open === b.action ? 'tb-panel' : nothing}
          @focus=${() => { this._focus = i; }}
          @click=${() => this.apply(b.action)}><span aria-hidden="true">${b.glyph}</span></button>`)}
      </div>
      ${this.panel()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-md-toolbar': KotsuMdToolbar;
  }
}
