import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { findPeople } from '../data/people';
import type { PublicUser } from '../data/types';
import { msg } from '../i18n/catalogue';
import { KotsuElement } from './kotsu-element';
import { TextareaTarget } from './textarea-target';

/**
 * What is being typed after an @ just before the caret: a mention does not follow a letter or
 * digit (an address), and its text holds no space (the renderer's rule: markdown/mentions.ts).
 * Japanese is allowed here: staff look colleagues up by their display name.
 */
const TYPED_RE = /(?:^|[^\p{L}\p{N}_.@/+-])[@＠]([^\s@＠`[\]()<>]{1,30})$/u;

/**
 * The list's look, added to the root its textarea lives in (the page's shadow root): the element
 * draws in the light DOM, and the app's Content-Security-Policy refuses inline <style>.
 */
const STYLES = css`
  kotsu-mention-complete { display: block; position: relative; }
  kotsu-mention-complete ul { position: absolute; z-index: 5; left: 0; right: 0; top: 0.15rem; margin: 0; padding: 0; list-style: none;
    background: var(--kotsu-surface, #fff); border: 1px solid var(--kotsu-border); border-radius: 6px; max-height: 16rem; overflow-y: auto;
    box-shadow: 0 4px 12px rgba(0, 0, 0, 0.12); }
  kotsu-mention-complete li { padding: 0.45rem 0.6rem; cursor: pointer; overflow-wrap: anywhere; }
  kotsu-mention-complete li[aria-selected='true'] { background: #e8f0fa; }
  kotsu-mention-complete .who { color: var(--kotsu-muted); font-size: 0.8125rem; }
`;

/**
 * @mention completion for the textarea named by `for`: typing @ and part of a colleague's name
 * (佐藤, 花子, or the login name) lists the members it finds (GET /api/people); ↑↓ choose, Enter
 * or Tab writes `@loginname ` in place of what was typed (the one form the renderer links and
 * notifies), Esc closes. Mouse and touch choose too.
 *
 * Renders in the light DOM, next to its textarea, so the textarea can name the list and its
 * active option (aria-controls, aria-activedescendant): ids do not reach across shadow roots.
 * @attr for - id of the textarea, in the same document or shadow root.
 */
@customElement('kotsu-mention-complete')
export class KotsuMentionComplete extends KotsuElement {
  @property() for = '';
  @state() private _people: PublicUser[] = [];
  @state() private _active = 0;
  /** Where the typed @ stands in the text, while the list is open. */
  private _at = -1;
  private _timer = 0;
  private _abort: AbortController | null = null;

  private readonly onInput = () => { this.lookUp(); };

  private readonly onKeyDown = (e: Event) => {
    const ev = e as KeyboardEvent;
    if (this._people.length === 0 || ev.isComposing) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const n = this._people.length;
      this._active = (this._active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      this.choose(this._people[this._active]);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      this.close();
    }
  };

  private readonly onBlur = () => { this.close(); };

  private readonly _textarea = new TextareaTarget({ input: this.onInput, keydown: this.onKeyDown, blur: this.onBlur });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode();
    const sheet = STYLES.styleSheet;
    if (sheet && (root instanceof ShadowRoot || root instanceof Document) && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  override disconnectedCallback(): void {
    this.close();
    this._textarea.follow(this, null);
    super.disconnectedCallback();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this._textarea.follow(this, this.for);
    const ta = this._textarea.current;
    if (!ta) return;
    ta.setAttribute('aria-autocomplete', 'list');
    if (this._people.length) {
      ta.setAttribute('aria-controls', this.listId);
      ta.setAttribute('aria-activedescendant', `${this.listId}-${this._active}`);
    } else {
      ta.removeAttribute('aria-controls');
      ta.removeAttribute('aria-activedescendant');
    }
  }

  private get listId(): string {
    return `${this.for}-mentions`;
  }

  /** Looks up what is typed after an @ before the caret, a moment after the last key. */
  private lookUp(): void {
    const ta = this._textarea.current;
    window.clearTimeout(this._timer);
    const typed = ta && ta.selectionStart === ta.selectionEnd ? TYPED_RE.exec(ta.value.slice(0, ta.selectionStart)) : null;
    if (!typed) {
      this.close();
      return;
    }
    const at = ta!.selectionStart - typed[1].length - 1;
    this._timer = window.setTimeout(() => { void this.search(typed[1], at); }, 120);
  }

  private async search(q: string, at: number): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    try {
      const { items } = await findPeople(q, abort.signal);
      if (abort.signal.aborted) return;
      this._at = at;
      this._people = items;
      this._active = 0;
    } catch {
      // No list is no harm: the writer can still type the login name.
      if (!abort.signal.aborted) this.close();
    }
  }

  private close(): void {
    window.clearTimeout(this._timer);
    this._abort?.abort();
    this._people = [];
    this._at = -1;
  }

  /** Writes `@loginname ` over what was typed after the @, and lets the page know. */
  private choose(person: PublicUser | undefined): void {
    const ta = this._textarea.current;
    if (!person || !ta || this._at < 0) return;
    ta.setRangeText(`@${person.username} `, this._at, ta.selectionStart, 'end');
    this.close();
    ta.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    ta.focus();
  }

  override render() {
    if (this._people.length === 0) return nothing;
    return html`
      <ul id=${this.listId} role="listbox" aria-label=${msg('mention.listLabel')}>${this._people.map((p, i) => html`
        <li id=${`${this.listId}-${i}`} role="option" aria-selected=${i === this._active ? 'true' : 'false'}
          @mousedown=${(e: Event) => { e.preventDefault(); this.choose(p); }}>
          ${p.displayName} <span class="who">${p.department ? `${p.department} · ` : ''}@${p.username}</span></li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-mention-complete': KotsuMentionComplete;
  }
}
