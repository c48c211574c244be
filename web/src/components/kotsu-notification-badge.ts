import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { listNotifications, NOTIFICATIONS_EVENT, takeKnownUnread } from '../data/notifications';
import { msg } from '../i18n/catalogue';
import { KotsuElement } from './kotsu-element';

/** How often the unread count is asked for while the page stays open. */
const POLL_MS = 60_000;

/**
 * The unread-notification count shown on the user-menu button. It starts from the count the app
 * started with (GET /api/session); refreshed when notifications are read elsewhere in the app and
 * once a minute — not on every navigation, so that a page costs one data request.
 */
@customElement('kotsu-notification-badge')
export class KotsuNotificationBadge extends KotsuElement {
  static override styles = css`
    :host { display: inline; }
    .badge {
      display: inline-block; min-width: 1.25rem; padding: 0 0.35rem; margin-left: 0.35rem; border-radius: 999px;
      background: #c62828; color: #fff; font-size: 0.75rem; font-weight: 700; line-height: 1.25rem; text-align: center;
    }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  @state() private _unread = 0;
  private _timer = 0;
  private readonly refresh = () => { void this.load(); };
  private readonly onChange = (e: Event) => { this._unread = (e as CustomEvent<number>).detail; };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(NOTIFICATIONS_EVENT, this.onChange);
    this._timer = window.setInterval(this.refresh, POLL_MS);
    const known = takeKnownUnread();
    if (known === null) void this.load();
    else this._unread = known;
  }

  override disconnectedCallback(): void {
    window.removeEventListener(NOTIFICATIONS_EVENT, this.onChange);
    window.clearInterval(this._timer);
    super.disconnectedCallback();
  }

  private async load(): Promise<void> {
    try {
      this._unread = (await listNotifications({ limit: 1 })).unreadCount;
    } catch {
      // The badge is a convenience; the list page shows errors.
    }
  }

  override render() {
    if (this._unread === 0) return nothing;
    const n = this._unread > 99 ? '99+' : String(this._unread);
    return html`<span class="badge" aria-hidden="true">${n}</span><span class="visually-hidden">${msg('notif.unread', { n })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-notification-badge': KotsuNotificationBadge;
  }
}
