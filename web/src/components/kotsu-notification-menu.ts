import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listNotifications, markRead, type Notification } from '../data/notifications';
import { msg } from '../i18n/catalogue';
import { KotsuElement } from './kotsu-element';
import './kotsu-notification-item';

const SHOWN = 5;

/**
 * The newest notifications inside the user menu, with a link to all of them. Following one
 * marks it read.
 */
@customElement('kotsu-notification-menu')
export class KotsuNotificationMenu extends KotsuElement {
  static override styles = css`
    :host { display: block; border-bottom: 1px solid var(--kotsu-border); }
    h2 { font-size: 0.8125rem; margin: 0; padding: 0.4rem 1rem 0.2rem; color: var(--kotsu-muted); font-weight: 600; }
    ul { list-style: none; margin: 0; padding: 0; max-height: 22rem; overflow-y: auto; }
    .empty { margin: 0; padding: 0.3rem 1rem 0.5rem; color: var(--kotsu-muted); font-size: 0.875rem; }
    .all { display: block; padding: 0.4rem 1rem 0.5rem; font-size: 0.875rem; color: var(--kotsu-primary); }
    .all:focus-visible { outline: 3px solid var(--kotsu-focus, #b35c00); outline-offset: 2px; }
  `;

  @state() private _items: Notification[] | null = null;
  @state() private _unread = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const page = await listNotifications({ limit: SHOWN });
      this._items = page.items;
      this._unread = page.unreadCount;
    } catch {
      this._items = [];
    }
  }

  private onOpen(e: CustomEvent<Notification>): void {
    if (!e.detail.read) void markRead({ ids: [e.detail.id] }).catch(() => undefined);
  }

  override render() {
    return html`
      <h2 id="notif-heading">${msg('notif.title')}${this._unread ? ` · ${msg('notif.unread', { n: this._unread })}` : ''}</h2>
      ${this._items === null ? html`<p class="empty">${msg('common.loading')}</p>`
        : this._items.length === 0 ? html`<p class="empty">${msg('notif.empty')}</p>`
        : html`<ul aria-labelledby="notif-heading" @kotsu-notification-open=${(e: CustomEvent<Notification>) => this.onOpen(e)}>
            ${this._items.map((n) => html`<li><kotsu-notification-item .notification=${n}></kotsu-notification-item></li>`)}
          </ul>`}
      ${this._items === null ? nothing : html`<a class="all" href="/notifications">${msg('notif.all')}</a>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-notification-menu': KotsuNotificationMenu;
  }
}
