import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-home-popularity';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { listPosts } from '../data/posts';
import { listTags } from '../data/tags';
import type { PostSummary, TagCount } from '../data/types';
import { msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

/** Home: newest tips (paged), the most read ones, and every tag with its count. */
@customElement('kotsu-home-page')
export class KotsuHomePage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
    @media (max-width: 760px) { .grid { grid-template-columns: minmax(0, 1fr); } }
    aside section { margin-bottom: 1.5rem; }
    h2 { margin-top: 0; }
    .more { margin-top: 0.75rem; }
    .tagcloud { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _newest: PostSummary[] = [];
  @state() private _cursor: string | null = null;
  @state() private _popular: PostSummary[] = [];
  @state() private _tags: TagCount[] = [];
  @state() private _loading = true;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this._loading = true;
    this._error = '';
    try {
      const [newest, popular, tags] = await Promise.all([
        listPosts({ sort: 'new', limit: 20 }),
        listPosts({ sort: 'popular', limit: 5 }),
        listTags({ limit: 50 }),
      ]);
      this._newest = newest.items;
      this._cursor = newest.nextCursor;
      this._popular = popular.items;
      this._tags = tags.items;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loading = false;
    }
  }

  private async more(): Promise<void> {
    if (!this._cursor) return;
    try {
      const page = await listPosts({ sort: 'new', limit: 20, cursor: this._cursor });
      this._newest = [...this._newest, ...page.items];
      this._cursor = page.nextCursor;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    return html`
      <h1>${msg('home.title')}</h1>
      <p class="muted">${msg('home.welcome')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error} <button class="btn secondary" @click=${() => this.load()}>${msg('common.retry')}</button></p>` : nothing}
      ${this._loading ? html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>` : html`
        <div class="grid">
          <section aria-labelledby="newest">
            <h2 id="newest">${msg('home.newest')}</h2>
            <kotsu-post-list .items=${this._newest}></kotsu-post-list>
            ${this._cursor ? html`<p class="more"><button class="btn secondary" @click=${() => this.more()}>${msg('common.more')}</button></p>` : nothing}
          </section>
          <aside>
            <kotsu-home-popularity></kotsu-home-popularity>
            <section aria-labelledby="popular">
              <h2 id="popular">${msg('home.popular')}</h2>
              <kotsu-post-list .items=${this._popular}></kotsu-post-list>
            </section>
            <section aria-labelledby="tags">
              <h2 id="tags">${msg('home.tags')}</h2>
              ${this._tags.length ? html`<ul class="tagcloud">${this._tags.map((t) => html`<li><a class="tag" href=${link('/tags/', t.name)}>${t.name} (${t.count})</a></li>`)}</ul>`
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
