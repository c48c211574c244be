import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-home-popularity';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { getHomePage, type HomePage } from '../data/pages';
import { listFollowingPosts } from '../data/follows';
import { listPosts } from '../data/posts';
import type { PostSummary } from '../data/types';
import { msg } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { TIPS_FEED } from '../data/feeds';
import { setFeedLinks } from '../router/feed-links';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** Home: newest tips or, on the フォロー中 tab (`?tab=following`), those in what I follow (paged); the popularity boxes and every tag with its count — from one request (GET /api/pages/home), plus the followed list on that tab. */
@customElement('kotsu-home-page')
export class KotsuHomePage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
    @media (max-width: 760px) { .grid { grid-template-columns: minmax(0, 1fr); } }
    aside section { margin-bottom: 1.5rem; }
    h2 { margin-top: 0; }
    .more { margin-top: 0.75rem; }
    .tabs { display: flex; gap: 0.5rem; margin-bottom: 1rem; }
    .tabs a[aria-current='page'] { background: var(--kotsu-primary); color: #fff; }
    .tabs a[aria-current='page']:hover { background: var(--kotsu-primary-dark); }
    .tagcloud { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _newest: PostSummary[] = [];
  @state() private _cursor: string | null = null;
  @state() private _page: HomePage | null = null;
  @state() private _loading = true;
  @state() private _error = '';

  private get following(): boolean {
    return this.query.get('tab') === 'following';
  }

  private newest(cursor?: string | null) {
    return this.following ? listFollowingPosts({ limit: 20, cursor }) : listPosts({ sort: 'new', limit: 20, cursor });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setFeedLinks([{ title: msg('feeds.tips'), href: TIPS_FEED }]);
    void this.load();
  }

  private async load(): Promise<void> {
    this._loading = true;
    this._error = '';
    try {
      const page = await getHomePage();
      this._page = page;
      const newest = await withPagesShown(this.following ? 'following' : 'newest', this.following ? await this.newest() : page.newest, (c) => this.newest(c));
      this._newest = newest.items;
      this._cursor = newest.nextCursor;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loading = false;
    }
  }

  private async more(): Promise<void> {
    if (!this._cursor) return;
    try {
      const page = await this.newest(this._cursor);
      this._newest = [...this._newest, ...page.items];
      this._cursor = page.nextCursor;
      pageAdded(this.following ? 'following' : 'newest');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private renderTabs() {
    const tab = (href: string, label: string, current: boolean) => html`<a class="btn secondary" href=${href}
      aria-current=${current ? 'page' : 'false'} @click=${(e: Event) => { e.preventDefault(); navigate(href, { replace: true }); }}>${label}</a>`;
    return html`<nav class="tabs" aria-label=${msg('home.tabs')}>
      ${tab('/', msg('home.tabNew'), !this.following)}${tab('/?tab=following', msg('home.tabFollowing'), this.following)}
    </nav>`;
  }

  override render() {
    return html`
      <h1>${msg('home.title')}</h1>
      <p class="muted">${msg('home.welcome')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error} <button class="btn secondary" @click=${() => this.load()}>${msg('common.retry')}</button></p>` : nothing}
      ${this._loading ? html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>` : html`
        <div class="grid">
          <section aria-labelledby="newest">
            <h2 id="newest">${this.following ? msg('home.tabFollowing') : msg('home.newest')}</h2>
            ${this.renderTabs()}
            ${this.following && !this._newest.length ? html`<p class="muted empty-following">${msg('home.followingEmpty')}</p>`
              : html`<kotsu-post-list .items=${this._newest}></kotsu-post-list>`}
            ${this._cursor ? html`<p class="more"><button class="btn secondary" @click=${() => this.more()}>${msg('common.more')}</button></p>` : nothing}
          </section>
          <aside>
            <kotsu-home-popularity .page=${this._page}></kotsu-home-popularity>
            <section aria-labelledby="tags">
              <h2 id="tags">${msg('home.tags')}</h2>
              ${this._page?.tags.length ? html`<ul class="tagcloud">${this._page.tags.map((t) => html`<li><a class="tag" href=${link('/tags/', t.name)}>${t.name} (${t.count})</a></li>`)}</ul>`
                : html`<p class="muted">${msg('common.empty')}</p>`}
            </section>
          </aside>
        </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-home-page': KotsuHomePage;
  }
}
