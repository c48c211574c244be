import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { ApiError } from '../data/http';
import { listPosts } from '../data/posts';
import type { PostSummary } from '../data/types';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';

/**
 * /search?q=… — until full-text search lands this lists the newest tips whose title contains
 * the words typed (all of them), so the header box already leads somewhere useful.
 */
@customElement('kotsu-search-page')
export class KotsuSearchPage extends KotsuElement {
  static override styles = sharedStyles;
  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: PostSummary[] = [];
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const words = (this.query.get('q') ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
    try {
      const page = await listPosts({ sort: 'new', limit: 100 });
      this._items = page.items.filter((p) => words.every((w) => p.title.normalize('NFKC').toLowerCase().includes(w)));
    } catch (err) {
      this._error = err instanceof ApiError && err.status === 0 ? msg('error.network') : msg('error.generic', { message: (err as Error).message });
    }
  }

  override render() {
    return html`
      <h1>${msg('search.label')}</h1>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <kotsu-post-list .items=${this._items}></kotsu-post-list>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-search-page': KotsuSearchPage;
  }
}
