import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { confirmPost } from '../data/posts';
import type { Post } from '../data/types';
import { formatDate, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { formatAge } from '../shared/age';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { firePostChanged } from './post-changed';

/**
 * On a tip page: once the tip is due for a look (`reviewDueAt`, the server's rule), a notice with
 * its age; its author or a moderator can confirm it is still valid without editing it. A tip
 * confirmed and not due again shows when it was confirmed.
 * @fires kotsu-post-changed - with the tip as confirmed.
 */
@customElement('kotsu-freshness-notice')
export class KotsuFreshnessNotice extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .notice { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    .notice p { margin: 0; flex: 1 1 20rem; }
    .checked { margin: 0 0 0.5rem; color: var(--kotsu-muted); font-size: 0.875rem; }
  `];

  @property({ attribute: false }) post: Post | null = null;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _status = '';
  private readonly session = new SessionController(this);

  private async onConfirm(): Promise<void> {
    if (!this.post) return;
    this._busy = true;
    this._error = '';
    try {
      const post = await confirmPost(this.post.id);
      this._status = msg('fresh.justConfirmed');
      firePostChanged(this, post);
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const p = this.post;
    if (!p || p.status !== 'published') return nothing;
    const user = this.session.user;
    const canConfirm = user !== null && (user.id === p.author.id || hasRole(user, 'moderator'));
    const due = Date.parse(p.reviewDueAt) <= Date.now();
    const last = p.confirmedAt && p.confirmedAt > p.updatedAt ? p.confirmedAt : p.updatedAt;
    return html`
      ${due ? html`<div class="notice stale" role="note">
        <p>${msg('fresh.notice', { age: formatAge(last) })}</p>
        ${canConfirm ? html`<button type="button" class="btn secondary" ?disabled=${this._busy} @click=${() => this.onConfirm()}>
          ${this._busy ? msg('fresh.confirming') : msg('fresh.confirm')}</button>` : nothing}
      </div>` : p.confirmedAt ? html`<p class="checked">${msg('fresh.confirmed', { date: formatDate(p.confirmedAt) })}</p>` : nothing}
      <span class="visually-hidden" role="status">${this._status}</span>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-freshness-notice': KotsuFreshnessNotice;
  }
}
