import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { listBookmarks } from '../data/popularity';
import type { PostSummary } from '../data/types';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** /bookmarks — the tips I bookmarked (ストック), newest bookmark first. */
@customElement('kotsu-bookmarks-page')
export class KotsuBookmarksPage extends KotsuElement {
  static override styles = [sharedStyles];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: PostSummary[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    this._error = '';
    try {
      const list = (cursor: string | null) => listBookmarks({ limit: 20, cursor });
      const page = more ? await list(this._cursor) : await withPagesShown('bookmarks', await list(null), list);
      this._items = more ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded('bookmarks');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    return html`
      <h1>${msg('bookmarks.title')}</h1>
      <p class="muted">${msg('bookmarks.intro')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error} <button class="btn secondary" @click=${() => this.load(this._items !== null)}>${msg('common.retry')}</button></p>` : nothing}
      ${this._items === null ? (this._error ? nothing : html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>`) : html`
        <kotsu-post-list .items=${this._items}><p slot="empty" class="muted">${msg('bookmarks.empty')}</p></kotsu-post-list>
        ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-bookmarks-page': KotsuBookmarksPage;
  }
}
