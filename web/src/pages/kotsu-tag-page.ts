import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-follow-button';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { listPosts, type PostSort } from '../data/posts';
import type { PostSummary } from '../data/types';
import { msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { navigate, setPageTitle } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { tagFeed } from '../data/feeds';
import { setFeedLinks } from '../router/feed-links';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** The tips of one tag, newest or most read first (`?sort=popular`). */
@customElement('kotsu-tag-page')
export class KotsuTagPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .sorts { display: flex; gap: 0.5rem; margin-bottom: 1rem; }
    .sorts a[aria-current='page'] { background: var(--kotsu-primary); color: #fff; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: PostSummary[] = [];
  @state() private _cursor: string | null = null;
  @state() private _loading = true;
  @state() private _error = '';

  private get sort(): PostSort {
    return this.query.get('sort') === 'popular' ? 'popular' : 'new';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const name = this.params.name;
    setPageTitle(() => msg('tag.title', { name }));
    setFeedLinks([{ title: msg('feeds.tagFeed', { name }), href: tagFeed(name) }]);
    void this.load(null);
  }

  private async load(cursor: string | null): Promise<void> {
    this._loading = true;
    try {
      const list = (c: string | null) => listPosts({ tag: this.params.name, sort: this.sort, limit: 20, cursor: c });
      const page = cursor ? await list(cursor) : await withPagesShown(`tips:${this.sort}`, await list(null), list);
      this._items = cursor ? [...this._items, ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (cursor) pageAdded(`tips:${this.sort}`);
      this._error = '';
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loading = false;
    }
  }

  override render() {
    const name = this.params.name;
    const base = `/tags/${encodeURIComponent(name)}`;
    return html`
      <h1>${msg('tag.title', { name })}</h1>
      <p><kotsu-follow-button kind="tag" .name=${name}></kotsu-follow-button></p>
      <nav class="sorts" aria-label=${msg('tag.sortNew')}>
        <a class="btn secondary" href=${base} aria-current=${this.sort === 'new' ? 'page' : 'false'}
          @click=${(e: Event) => { e.preventDefault(); navigate(base, { replace: true }); }}>${msg('tag.sortNew')}</a>
        <a class="btn secondary" href=${`${base}?sort=popular`} aria-current=${this.sort === 'popular' ? 'page' : 'false'}
          @click=${(e: Event) => { e.preventDefault(); navigate(`${base}?sort=popular`, { replace: true }); }}>${msg('tag.sortPopular')}</a>
      </nav>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._loading && !this._items.length ? html`<p class="muted">${msg('common.loading')}</p>` : html`<kotsu-post-list .items=${this._items}></kotsu-post-list>`}
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(this._cursor)}>${msg('common.more')}</button></p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tag-page': KotsuTagPage;
  }
}
