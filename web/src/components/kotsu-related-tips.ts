import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { relatedTips, type TipLink } from '../data/search';
import { msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { KotsuElement } from './kotsu-element';

/**
 * Up to five tips related to the tip shown (GET /api/search/related: shared rare words and tags,
 * published tips only). Nothing is shown when there are none or the request fails.
 */
@customElement('kotsu-related-tips')
export class KotsuRelatedTips extends KotsuElement {
  static override styles = css`
    :host { display: block; margin: 1.5rem 0; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    ul { margin: 0; padding-left: 1.2rem; display: grid; gap: 0.3rem; }
    a { word-break: break-word; }
  `;

  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  @state() private _items: TipLink[] = [];
  private _abort: AbortController | null = null;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('postId') && this.postId > 0) void this.load();
  }

  override disconnectedCallback(): void {
    this._abort?.abort();
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    try {
      this._items = (await relatedTips(this.postId, abort.signal)).items;
    } catch {
      if (!abort.signal.aborted) this._items = [];
    }
  }

  override render() {
    if (this._items.length === 0) return nothing;
    return html`<section aria-labelledby="related-title">
      <h2 id="related-title">${msg('related.title')}</h2>
      <ul>${this._items.map((t) => html`<li><a href=${link('/tips/', t.id)}>${t.title}</a></li>`)}</ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-related-tips': KotsuRelatedTips;
  }
}
