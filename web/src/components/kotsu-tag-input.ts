import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listTags } from '../data/tags';
import type { TagCount } from '../data/types';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

const MAX_TAGS = 10;
const MAX_LENGTH = 40;
/** What separates tags as people type them: commas (ASCII, 、 and full-width ，) and any space, ideographic included. */
const SEPARATOR = /[,、，\s\u3000]+/u;
const norm = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/**
 * Tag chips with an input that suggests existing tags (combobox). Enter, a comma (, 、 ，), a
 * space (also the ideographic space) or choosing a suggestion adds a tag; text pasted with
 * separators becomes several tags. While an IME composition runs nothing is split: the text is
 * looked at again on `compositionend`. Backspace on an empty input removes the last tag. What
 * happened (added, already there, too many, too long) is said in a live region under the field.
 * `commit()` turns text still in the field into tags, for the form to call before it saves.
 * @fires kotsu-tags-change - detail: string[] — the tags after every change.
 */
@customElement('kotsu-tag-input')
export class KotsuTagInput extends KotsuElement {
  static override styles = [sharedStyles, css`
    .box { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; border: 1px solid #8a93a3; border-radius: 6px; padding: 0.35rem; background: #fff; position: relative; }
    .chip { display: inline-flex; align-items: center; gap: 0.2rem; background: #e6eef8; color: #0a4a8a; border-radius: 999px; padding: 0 0.3rem 0 0.65rem; font-size: 0.875rem; max-width: 100%; overflow-wrap: anywhere; }
    .chip button { border: none; background: none; cursor: pointer; font: inherit; color: inherit; padding: 0 0.3rem; min-height: 28px; }
    input { flex: 1 1 8rem; border: none !important; padding: 0.3rem !important; min-width: 6rem; }
    input:focus { outline: none; }
    .box:focus-within { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 1px; }
    [role='listbox'] { position: absolute; left: 0; right: 0; top: 100%; z-index: 5; margin: 2px 0 0; padding: 0.25rem 0; list-style: none; background: #fff; border: 1px solid var(--kotsu-border); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,0.12); }
    [role='option'] { padding: 0.35rem 0.75rem; cursor: pointer; }
    [role='option'][aria-selected='true'], [role='option']:hover { background: #e6eef8; }
    .hint { margin: 0.2rem 0 0; font-size: 0.8125rem; }
    .said { margin: 0.1rem 0 0; min-height: 1.4em; font-size: 0.8125rem; color: var(--kotsu-ok); }
  `];

  @property({ attribute: false }) tags: string[] = [];
  /** Accessible name of the input (a label outside the shadow root cannot point into it). */
  @property() label = '';
  @property({ attribute: 'input-id' }) inputId = 'tag-input';
  @state() private _text = '';
  @state() private _suggestions: TagCount[] = [];
  @state() private _active = -1;
  @state() private _problem = '';
  @state() private _said = '';
  private _composing = false;
  private _abort: AbortController | null = null;
  private _timer = 0;

  private emit(): void {
    this.dispatchEvent(new CustomEvent<string[]>('kotsu-tags-change', { detail: [...this.tags], bubbles: true, composed: true }));
  }

  /**
   * Adds each name that is not there yet; says what it did. Returns the names it could not
   * take (too long, or over the limit), which stay in the field for the writer to fix.
   */
  private add(names: string[]): string[] {
    const added: string[] = [];
    const left: string[] = [];
    let problem = '';
    let said = '';
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      if ([...this.tags, ...added].some((t) => norm(t) === norm(name))) {
        said = msg('tags.duplicate', { name });
      } else if ([...name].length > MAX_LENGTH) {
        problem = msg('tags.tooLong', { name });
        left.push(name);
      } else if (this.tags.length + added.length >= MAX_TAGS) {
        problem = msg('editor.tooManyTags');
        left.push(name);
      } else {
        added.push(name);
      }
    }
    this._suggestions = [];
    this._active = -1;
    this._problem = problem;
    if (added.length) {
      this.tags = [...this.tags, ...added];
      this.emit();
      said = added.length === 1 ? msg('tags.added', { name: added[0] }) : msg('tags.addedMany', { names: added.map((n) => `「${n}」`).join('') });
    }
    this._said = said;
    return left;
  }

  /** Splits what is typed at its separators: every finished part becomes a tag, the rest stays. */
  private splitTyped(): void {
    if (!SEPARATOR.test(this._text)) return;
    const parts = this._text.split(SEPARATOR);
    const rest = parts.pop() ?? '';
    const left = this.add(parts);
    this.setText([...left, rest].filter(Boolean).join(' '));
  }

  private setText(text: string): void {
    this._text = text;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input');
    if (input && input.value !== text) input.value = text;
  }

  /**
   * Makes text still in the field into tags — the form calls this before publishing, so
   * nothing typed is lost. Returns false when some of it could not become a tag (it stays in
   * the field and the reason is shown).
   */
  commit(): boolean {
    const left = this.add(this._text.split(SEPARATOR));
    this.setText(left.join(' '));
    return left.length === 0;
  }

  private removeTag(i: number): void {
    const name = this.tags[i];
    this.tags = this.tags.filter((_, j) => j !== i);
    this._problem = '';
    this._said = msg('tags.removed', { name });
    this.emit();
  }

  private onInput(e: InputEvent): void {
    this._text = (e.target as HTMLInputElement).value;
    // During IME conversion the text is not final: split it once the composition ends.
    if (!e.isComposing && !this._composing) this.splitTyped();
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => { void this.suggest(); }, 150);
  }

  private onCompositionEnd(e: CompositionEvent): void {
    this._composing = false;
    this._text = (e.target as HTMLInputElement).value;
    this.splitTyped();
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
    if (e.isComposing || this._composing) return; // IME conversion in progress: Enter confirms the kana, not the tag.
    const n = this._suggestions.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this._active = (this._active + 1) % n;
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this._active = (this._active - 1 + n) % n;
    } else if (e.key === 'Enter') {
      if (!this._text.trim() && this._active < 0) return;
      e.preventDefault();
      if (this._active >= 0) {
        this.add([this._suggestions[this._active].name]);
        this.setText('');
      } else {
        this.commit();
      }
    } else if (e.key === 'Escape' && n) {
      this._suggestions = [];
    } else if (e.key === 'Backspace' && this._text === '' && this.tags.length) {
      this.removeTag(this.tags.length - 1);
    }
  }

  override render() {
    const open = this._suggestions.length > 0;
    const hintId = `${this.inputId}-hint`;
    return html`
      <div class="box">
        ${this.tags.map((t, i) => html`<span class="chip">${t}<button type="button" aria-label=${msg('editor.removeTag', { name: t })} @click=${() => this.removeTag(i)}>×</button></span>`)}
        <input id=${this.inputId} type="text" role="combobox" autocomplete="off" aria-describedby=${hintId}
          aria-label=${this.label || nothing} aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="tag-suggestions"
          aria-activedescendant=${this._active >= 0 ? `tag-opt-${this._active}` : nothing}
          placeholder=${this.tags.length ? '' : msg('editor.tagsPlaceholder')} .value=${this._text}
          @input=${this.onInput} @keydown=${this.onKeyDown}
          @compositionstart=${() => { this._composing = true; }} @compositionend=${this.onCompositionEnd}
          @blur=${() => { window.setTimeout(() => { this._suggestions = []; }, 150); }} />
        <ul id="tag-suggestions" role="listbox" ?hidden=${!open} aria-label=${this.label || nothing}>
          ${this._suggestions.map((s, i) => html`<li id="tag-opt-${i}" role="option" aria-selected=${i === this._active ? 'true' : 'false'}
            @mousedown=${(e: Event) => { e.preventDefault(); this.add([s.name]); this.setText(''); }}>${s.name} <span class="muted">(${s.count})</span></li>`)}
        </ul>
      </div>
      <p id=${hintId} class="muted hint">${msg('tags.help')}</p>
      <p class="said" role="status" aria-live="polite">${this._said}</p>
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
