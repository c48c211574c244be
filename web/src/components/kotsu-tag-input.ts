import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listTags } from '../data/tags';
import type { TagCount } from '../data/types';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

const MAX_TAGS = 10;
const norm = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/**
 * Tag chips with an input that suggests existing tags (combobox). Enter, comma or choosing a
 * suggestion adds a tag; Backspace on an empty input removes the last one.
 * @fires kotsu-tags-change - detail: string[] — the tags after every change.
 */
@customElement('kotsu-tag-input')
export class KotsuTagInput extends KotsuElement {
  static override styles = [sharedStyles, css`
    .box { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; border: 1px solid #8a93a3; border-radius: 6px; padding: 0.35rem; background: #fff; position: relative; }
    .chip { display: inline-flex; align-items: center; gap: 0.2rem; background: #e6eef8; color: #0a4a8a; border-radius: 999px; padding: 0 0.3rem 0 0.65rem; font-size: 0.875rem; }
    .chip button { border: none; background: none; cursor: pointer; font: inherit; color: inherit; padding: 0 0.3rem; min-height: 28px; }
    input { flex: 1 1 8rem; border: none !important; padding: 0.3rem !important; min-width: 6rem; }
    input:focus { outline: none; }
    .box:focus-within { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 1px; }
    [role='listbox'] { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 0.25rem 0; list-style: none; background: #fff; border: 1px solid var(--kotsu-border); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,0.12); }
    [role='option'] { padding: 0.35rem 0.75rem; cursor: pointer; }
    [role='option'][aria-selected='true'], [role='option']:hover { background: #e6eef8; }
  `];

  @property({ attribute: false }) tags: string[] = [];
  /** Accessible name of the input (a label outside the shadow root cannot point into it). */
  @property() label = '';
  @property({ attribute: 'input-id' }) inputId = 'tag-input';
  @state() private _text = '';
  @state() private _suggestions: TagCount[] = [];
  @state() private _active = -1;
  @state() private _problem = '';
  private _abort: AbortController | null = null;
  private _timer = 0;

  private emit(): void {
    this.dispatchEvent(new CustomEvent<string[]>('kotsu-tags-change', { detail: [...this.tags], bubbles: true, composed: true }));
  }

  private add(raw: string): void {
    const name = raw.replace(/[,、，]/g, ' ').trim().slice(0, 40);
    this._text = '';
    this._suggestions = [];
    this._active = -1;
    if (!name) return;
    if (this.tags.some((t) => norm(t) === norm(name))) return;
    if (this.tags.length >= MAX_TAGS) {
      this._problem = msg('editor.tooManyTags');
      return;
    }
    this._problem = '';
    this.tags = [...this.tags, name];
    this.emit();
  }

  private removeTag(i: number): void {
    this.tags = this.tags.filter((_, j) => j !== i);
    this._problem = '';
    this.emit();
  }

  private onInput(e: Event): void {
    this._text = (e.target as HTMLInputElement).value;
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => { void this.suggest(); }, 150);
  }

  private async suggest(): Promise<void> {
    const q = this._text.trim();
    this._abort?.abort();
    if (!q) {
      this._suggestions = [];
      return;
    }
    this._abort = new AbortController();
    try {
      const res = await listTags({ q, limit: 8 }, this._abort.signal);
      const have = new Set(this.tags.map(norm));
      this._suggestions = res.items.filter((t) => !have.has(norm(t.name)));
      this._active = -1;
    } catch {
      // Suggestions are a convenience; typing still works without them.
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isComposing) return; // IME conversion in progress: Enter confirms the kana, not the tag.
    const n = this._suggestions.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this._active = (this._active + 1) % n;
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this._active = (this._active - 1 + n) % n;
    } else if (e.key === 'Enter' || e.key === ',') {
      if (!this._text.trim() && this._active < 0) return;
      e.preventDefault();
      this.add(this._active >= 0 ? this._suggestions[this._active].name : this._text);
    } else if (e.key === 'Escape' && n) {
      this._suggestions = [];
    } else if (e.key === 'Backspace' && this._text === '' && this.tags.length) {
      this.removeTag(this.tags.length - 1);
    }
  }

  override render() {
    const open = this._suggestions.length > 0;
    return html`
      <div class="box">
        ${this.tags.map((t, i) => html`<span class="chip">${t}<button type="button" aria-label=${msg('editor.removeTag', { name: t })} @click=${() => this.removeTag(i)}>×</button></span>`)}
        <input id=${this.inputId} type="text" role="combobox" autocomplete="off" maxlength="40"
          aria-label=${this.label || nothing} aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="tag-suggestions"
          aria-activedescendant=${this._active >= 0 ? `tag-opt-${this._active}` : nothing}
          placeholder=${this.tags.length ? '' : msg('editor.tagsPlaceholder')} .value=${this._text}
          @input=${this.onInput} @keydown=${this.onKeyDown} @blur=${() => { window.setTimeout(() => { this._suggestions = []; }, 150); }} />
        <ul id="tag-suggestions" role="listbox" ?hidden=${!open}>
          ${this._suggestions.map((s, i) => html`<li id="tag-opt-${i}" role="option" aria-selected=${i === this._active ? 'true' : 'false'}
            @mousedown=${(e: Event) => { e.preventDefault(); this.add(s.name); }}>${s.name} <span class="muted">(${s.count})</span></li>`)}
        </ul>
      </div>
      ${this._problem ? html`<p class="error" role="alert">${this._problem}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tag-input': KotsuTagInput;
  }
  interface HTMLElementEventMap {
    'kotsu-tags-change': CustomEvent<string[]>;
  }
}
