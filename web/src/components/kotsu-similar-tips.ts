import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { similarTips, type TipLink } from '../data/search';
import { msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

const DEBOUNCE_MS = 300;

/**
 * Existing tips similar to a title being typed (GET /api/search/similar), shown under the title
 * field of a new tip or a 教えて request so people find before they duplicate. Asks once typing
 * pauses; a polite live region announces them. `exclude`: the tip being edited.
 */
@customElement('kotsu-similar-tips')
export class KotsuSimilarTips extends KotsuElement {
  // The app's link colour and focus ring (sharedStyles), as every other link of the page.
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .box { margin: 0.4rem 0 0.8rem; padding: 0.5rem 0.8rem; border: 1px solid var(--kotsu-border, #ccd); border-radius: 6px; background: #fffbea; }
    p { margin: 0 0 0.3rem; font-size: 0.875rem; font-weight: 600; }
    ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 0.2rem; }
  `];

  @property() text = '';
  @property({ type: Number }) exclude = 0;
  @state() private _items: TipLink[] = [];
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | null = null;
  private _asked = '';

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('text')) return;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => { void this.load(); }, DEBOUNCE_MS);
  }

  override disconnectedCallback(): void {
    clearTimeout(this._timer);
    this._abort?.abort();
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    const q = this.text.trim();
    if (q === this._asked) return;
    this._asked = q;
    this._abort?.abort();
    if (Array.from(q).length < 2) { this._items = []; return; }
    const abort = new AbortController();
    this._abort = abort;
    try {
      const items = (await similarTips(q, abort.signal)).items;
      this._items = items.filter((t) => t.id !== this.exclude);
    } catch {
      if (!abort.signal.aborted) this._items = [];
    }
  }

  override render() {
    return html`<div role="status" aria-live="polite">${this._items.length === 0 ? nothing : html`<div class="box">
      <p>${msg('similar.title')}</p>
      <ul>${this._items.map((t) => html`<li><a href=${link('/tips/', t.id)} target="_blank" rel="noopener">${t.title}</a></li>`)}</ul>
    </div>`}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-similar-tips': KotsuSimilarTips;
  }
}
