import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-follow-button';
import '../components/kotsu-post-list';
import { KotsuElement } from '../components/kotsu-element';
import { listPosts } from '../data/posts';
import type { PostSummary, PublicUser } from '../data/types';
import { getProfile } from '../data/users';
import { msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { setPageTitle } from '../router/router';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { isNotFound, notFoundView } from '../shared/not-found';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** A staff member's page: name, department and their published tips. */
@customElement('kotsu-author-page')
export class KotsuAuthorPage extends KotsuElement {
  static override styles = sharedStyles;

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _user: PublicUser | null = null;
  @state() private _items: PostSummary[] = [];
  @state() private _cursor: string | null = null;
  @state() private _error = '';
  @state() private _notFound = false;
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [user, page] = await Promise.all([
        getProfile(this.params.username),
        listPosts({ author: this.params.username, limit: 20 })
          .then((first) => withPagesShown('tips', first, (cursor) => listPosts({ author: this.params.username, limit: 20, cursor }))),
      ]);
      this._user = user;
      this._items = page.items;
      this._cursor = page.nextCursor;
      setPageTitle(() => msg('author.title', { name: user.displayName }));
    } catch (err) {
      if (isNotFound(err)) this._notFound = true;
      else this._error = errorMessage(err);
    }
  }

  private async more(): Promise<void> {
    const page = await listPosts({ author: this.params.username, limit: 20, cursor: this._cursor });
    this._items = [...this._items, ...page.items];
    this._cursor = page.nextCursor;
    pageAdded('tips');
  }

  override render() {
    if (this._notFound) return notFoundView();
    if (this._error) return html`<p class="error" role="alert">${this._error}</p>`;
    const u = this._user;
    if (!u) return html`<p class="muted">${msg('common.loading')}</p>`;
    return html`
      <h1>${msg('author.title', { name: u.displayName })}</h1>
      ${u.department ? html`<p class="muted">${msg('author.department', { department: u.department })}</p>` : nothing}
      ${this.session.user && this.session.user.id !== u.id ? html`<p><kotsu-follow-button kind="user" .name=${u.username} .display=${u.displayName}></kotsu-follow-button></p>` : nothing}
      <kotsu-post-list hide-author .items=${this._items}></kotsu-post-list>
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.more()}>${msg('common.more')}</button></p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-author-page': KotsuAuthorPage;
  }
}
