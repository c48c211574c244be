import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-notification-item';
import { KotsuElement } from '../components/kotsu-element';
import { listNotifications, markRead, type Notification } from '../data/notifications';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** All of the signed-in user's notifications, newest first; mark one or all read. */
@customElement('kotsu-notifications-page')
export class KotsuNotificationsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ul { list-style: none; margin: 0; padding: 0; background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); }
    li + li { border-top: 1px solid var(--kotsu-border); }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: Notification[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _unread = 0;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(more = false): Promise<void> {
    try {
      const list = (cursor: string | null) => listNotifications({ limit: 30, cursor });
      const page = more ? await list(this._cursor) : await withPagesShown('notifications', await list(null), list);
      this._items = more ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded('notifications');
      this._unread = page.unreadCount;
    } catch (err) {
      this.fail(err);
    }
  }

  private async markAll(): Promise<void> {
    try {
      this._unread = (await markRead({ all: true })).unreadCount;
      this._items = (this._items ?? []).map((n) => ({ ...n, read: true }));
    } catch (err) {
      this.fail(err);
    }
  }

  private onOpen(e: CustomEvent<Notification>): void {
    if (!e.detail.read) void markRead({ ids: [e.detail.id] }).catch(() => undefined);
  }

  override render() {
    return html`
      <h1>${msg('notif.title')}</h1>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`) : html`
        <div class="bar">
          <p class="muted" role="status">${msg('notif.unread', { n: this._unread })}</p>
          ${this._unread ? html`<button class="btn secondary" @click=${() => this.markAll()}>${msg('notif.markAll')}</button>` : nothing}
        </div>
        ${this._items.length === 0 ? html`<p class="muted">${msg('notif.empty')}</p>` : html`
          <ul @kotsu-notification-open=${(e: CustomEvent<Notification>) => this.onOpen(e)}>
            ${this._items.map((n) => html`<li><kotsu-notification-item .notification=${n}></kotsu-notification-item></li>`)}
          </ul>`}
        ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-notifications-page': KotsuNotificationsPage;
  }
}
