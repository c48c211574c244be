import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { suggest, type Suggestions } from '../data/search';
import { formatNumber, msg } from '../i18n/catalogue';
import { link, navigate, NAVIGATE_EVENT } from '../router/router';
import { KotsuElement } from './kotsu-element';

interface Option { id: string; kind: 'post' | 'tag' | 'search'; label: string; href: string }

const DEBOUNCE_MS = 200;

/**
 * The header's search field, an ARIA 1.2 combobox: suggestions (tip titles, tags, "search for …")
 * appear while typing, Arrow keys move through them, Enter opens the chosen one (or searches),
 * Escape closes the list. Requests wait until typing pauses (debounce) and never fire while an
 * IME composition is in progress — only after `compositionend` — so converting かな to 漢字 sends
 * nothing. Submitting opens /search?q=…; the field shows the current query on the search page.
 */
@customElement('kotsu-search-box')
export class KotsuSearchBox extends KotsuElement {
  static override styles = css`
    :host { display: block; position: relative; }
    form { display: flex; }
    input {
      flex: 1; min-width: 0; font: inherit; padding: 0.45rem 0.75rem; border: 1px solid #fff; border-radius: 6px 0 0 6px;
      color: var(--kotsu-text);
    }
    button {
      font: inherit; padding: 0.45rem 0.9rem; border: 1px solid #fff; border-left: none; border-radius: 0 6px 6px 0;
      background: #e8f0fa; color: var(--kotsu-primary-dark); font-weight: 600; cursor: pointer;
    }
    input:focus-visible, button:focus-visible { outline: 3px solid var(--kotsu-focus-on-light, #b35c00); outline-offset: -4px; }
    [role='listbox'] {
      position: absolute; z-index: 20; left: 0; right: 0; top: calc(100% + 4px); margin: 0; padding: 0.3rem 0;
      list-style: none; background: #fff; color: var(--kotsu-text); border: 1px solid var(--kotsu-border);
      border-radius: 6px; box-shadow: 0 6px 18px rgb(0 0 0 / 18%); max-height: 70vh; overflow-y: auto;
    }
    [role='group'] { list-style: none; margin: 0; padding: 0; }
    .group-label { font-size: 0.75rem; color: #5a6270; padding: 0.3rem 0.75rem 0.1rem; font-weight: 600; }
    [role='option'] { padding: 0.4rem 0.75rem; cursor: pointer; word-break: break-word; }
    [role='option'][aria-selected='true'] { background: #dbe8f7; outline: 2px solid var(--kotsu-primary); outline-offset: -2px; }
    [role='option']:hover { background: #eef4fb; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  @state() private _value = '';
  @state() private _options: Option[] = [];
  @state() private _open = false;
  @state() private _active = -1;
  @state() private _announce = '';
  private _composing = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | null = null;
  private readonly onNavigate = () => { this.syncFromUrl(); this.close(); };

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncFromUrl();
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.addEventListener('popstate', this.onNavigate);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
    window.removeEventListener('popstate', this.onNavigate);
    clearTimeout(this._timer);
    this._abort?.abort();
    super.disconnectedCallback();
  }

  private syncFromUrl(): void {
    this._value = location.pathname === '/search' ? new URLSearchParams(location.search).get('q') ?? '' : '';
  }

  private close(): void {
    clearTimeout(this._timer);
    this._abort?.abort();
    this._open = false;
    this._active = -1;
  }

  private schedule(): void {
    clearTimeout(this._timer);
    if (this._composing) return;
    this._timer = setTimeout(() => { void this.fetchSuggestions(); }, DEBOUNCE_MS);
  }

  private async fetchSuggestions(): Promise<void> {
    const q = this._value;
    this._abort?.abort();
    if (!q.trim()) { this._options = []; this._open = false; return; }
    const abort = new AbortController();
    this._abort = abort;
    let s: Suggestions;
    try {
      s = await suggest(q, abort.signal);
    } catch {
      return; // Suggestions are a convenience: a failed or aborted request just shows none.
    }
    if (abort.signal.aborted || q !== this._value) return;
    const options: Option[] = [
      ...s.posts.map((p) => ({ id: `post-${p.id}`, kind: 'post' as const, label: p.title, href: link('/tips/', p.id) })),
      ...s.tags.map((t) => ({ id: `tag-${t.name}`, kind: 'tag' as const, label: msg('suggest.tagCount', { name: t.name, n: formatNumber(t.count) }), href: link('/tags/', t.name) })),
      { id: 'search', kind: 'search', label: msg('suggest.searchFor', { q: q.trim() }), href: `/search?q=${encodeURIComponent(q.trim())}` },
    ];
    this._options = options;
    this._active = -1;
    this._open = true;
    this._announce = msg('suggest.count', { n: options.length - 1 });
  }

  private choose(option: Option): void {
    this.close();
    if (option.kind === 'search') this._value = this._value.trim();
    navigate(option.href);
  }

  private onInput(e: InputEvent): void {
    this._value = (e.target as HTMLInputElement).value;
    if (e.isComposing || this._composing) return;
    this.schedule();
  }

  private onKeydown(e: KeyboardEvent): void {
    // Enter and arrows during an IME composition belong to the IME (choosing a conversion).
    if (e.isComposing || this._composing || e.keyCode === 229) return;
    const n = this._options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this._open) {
        if (n) this._open = true;
        else this.schedule();
        return;
      }
      if (!n) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this._active = this._active === -1 ? (step === 1 ? 0 : n - 1) : (this._active + step + n) % n;
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector(`#opt-${this._active}`)?.scrollIntoView({ block: 'nearest' });
      });
    } else if (e.key === 'Enter' && this._open && this._active >= 0) {
      e.preventDefault();
      this.choose(this._options[this._active]);
    } else if (e.key === 'Escape') {
      if (this._open) {
        e.preventDefault();
        this.close();
      } else if (this._value) {
        e.preventDefault();
        this._value = '';
      }
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const q = this._value.trim();
    this.close();
    navigate(`/search${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  private renderOption(option: Option, index: number) {
    return html`<li id=${`opt-${index}`} role="option" aria-selected=${index === this._active ? 'true' : 'false'}
      @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(option)}>${option.label}</li>`;
  }

  override render() {
    const open = this._open && this._options.length > 0;
    const groups: { label: string; kind: Option['kind'] }[] = [
      { label: msg('suggest.posts'), kind: 'post' }, { label: msg('suggest.tags'), kind: 'tag' }, { label: '', kind: 'search' },
    ];
    return html`
      <form role="search" aria-label=${msg('search.label')} @submit=${this.onSubmit}>
        <input type="search" name="q" .value=${this._value} aria-label=${msg('search.label')}
          placeholder=${msg('search.placeholder')} maxlength="200" autocomplete="off" spellcheck="false"
          role="combobox" aria-autocomplete="list" aria-controls="suggestions" aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${open && this._active >= 0 ? `opt-${this._active}` : ''}
          @input=${this.onInput} @keydown=${this.onKeydown}
          @compositionstart=${() => { this._composing = true; clearTimeout(this._timer); }}
          @compositionend=${(e: CompositionEvent) => { this._composing = false; this._value = (e.target as HTMLInputElement).value; this.schedule(); }}
          @blur=${() => this.close()} />
        <button type="submit">${msg('search.submit')}</button>
        <ul id="suggestions" role="listbox" aria-label=${msg('suggest.listLabel')} ?hidden=${!open}>
          ${open ? groups.map((g) => {
            const items = this._options.map((o, i) => [o, i] as const).filter(([o]) => o.kind === g.kind);
            if (!items.length) return nothing;
            if (!g.label) return items.map(([o, i]) => this.renderOption(o, i));
            const labelId = `group-${g.kind}`;
            return html`<li role="presentation"><div class="group-label" id=${labelId}>${g.label}</div>
              <ul role="group" aria-labelledby=${labelId}>${items.map(([o, i]) => this.renderOption(o, i))}</ul></li>`;
          }) : nothing}
        </ul>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">${open ? this._announce : ''}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-search-box': KotsuSearchBox;
  }
}
