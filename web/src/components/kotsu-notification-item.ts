import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { notificationHref, type Notification } from '../data/notifications';
import { formatDate, msg, type MessageKey } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

const KIND_MESSAGE: Record<string, MessageKey> = {
  'post.hidden': 'notif.post.hidden',
  'post.restored': 'notif.post.restored',
  'post.edited': 'notif.post.edited',
  'report.accepted': 'notif.report.accepted',
  'report.dismissed': 'notif.report.dismissed',
  'comment.created': 'notif.comment.created',
  'comment.hidden': 'notif.comment.hidden',
  'comment.restored': 'notif.comment.restored',
  'request.answered': 'notif.request.answered',
  'follow.posts': 'notif.follow.posts',
  'mention.post': 'notif.mention.post',
  'mention.comment': 'notif.mention.comment',
  'comment.replied': 'notif.comment.replied',
};

/**
 * The same sentences without the title, for a notification whose title the server withholds from
 * this reader (the tip is hidden from them, or deleted): never an empty 「」.
 */
const UNTITLED_MESSAGE: Record<string, MessageKey> = {
  'post.hidden': 'notif.post.hidden.untitled',
  'post.restored': 'notif.post.restored.untitled',
  'post.edited': 'notif.post.edited.untitled',
  'report.accepted': 'notif.report.accepted.untitled',
  'report.dismissed': 'notif.report.dismissed.untitled',
  'comment.created': 'notif.comment.created.untitled',
  'comment.hidden': 'notif.comment.hidden.untitled',
  'comment.restored': 'notif.comment.restored.untitled',
  'request.answered': 'notif.request.answered.untitled',
  'follow.posts': 'notif.follow.posts.untitled',
  'mention.post': 'notif.mention.post.untitled',
  'mention.comment': 'notif.mention.comment.untitled',
  'comment.replied': 'notif.comment.replied.untitled',
};

/** How a notification's text reads: a moderator's reason by default, a quoted excerpt for comments and answers. */
const TEXT_MESSAGE: Record<string, MessageKey> = { 'comment.created': 'notif.quote', 'request.answered': 'notif.quote', 'follow.posts': 'notif.follow.others', 'mention.comment': 'notif.quote', 'comment.replied': 'notif.quote' };

/** The sentence a notification reads as, in the current language. */
export function notificationText(n: Notification): string {
  if (!n.target.title.trim()) return msg(UNTITLED_MESSAGE[n.kind] ?? 'notif.other.untitled');
  return msg(KIND_MESSAGE[n.kind] ?? 'notif.other', { title: n.target.title });
}

/**
 * One notification: what happened, why (the moderator's reason), when; a link to its target.
 * Fires `kotsu-notification-open` when followed, so the list can mark it read.
 */
@customElement('kotsu-notification-item')
export class KotsuNotificationItem extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    a, .plain { display: block; padding: 0.5rem 1rem; color: var(--kotsu-text); text-decoration: none; }
    a:hover { background: #eef3fa; }
    .text { display: block; }
    .unread .text { font-weight: 700; }
    .new { display: inline-block; margin-right: 0.35rem; padding: 0 0.4rem; border-radius: 4px; background: #c62828; color: #fff; font-size: 0.7rem; font-weight: 700; vertical-align: middle; }
    .reason, .when { display: block; font-size: 0.8125rem; color: var(--kotsu-muted); }
  `];

  @property({ attribute: false }) notification: Notification | null = null;

  override render() {
    const n = this.notification;
    if (!n) return nothing;
    const href = notificationHref(n);
    const body = html`
      <span class="text">${n.read ? nothing : html`<span class="new">${msg('notif.new')}</span>`}${notificationText(n)}</span>
      ${n.text ? html`<span class="reason">${msg(TEXT_MESSAGE[n.kind] ?? 'notif.reason', { text: n.text })}</span>` : nothing}
      <span class="when">${formatDate(n.createdAt, true)}</span>`;
    const cls = n.read ? '' : 'unread';
    return href
      ? html`<a class=${cls} href=${href} @click=${() => this.dispatchEvent(new CustomEvent<Notification>('kotsu-notification-open', { detail: n, bubbles: true, composed: true }))}>${body}</a>`
      : html`<div class="plain ${cls}">${body}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-notification-item': KotsuNotificationItem;
  }
  interface HTMLElementEventMap {
    'kotsu-notification-open': CustomEvent<Notification>;
  }
}
