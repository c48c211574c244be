import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hidePost, restorePost } from '../data/moderation';
import type { Post } from '../data/types';
import { msg } from '../i18n/catalogue';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { confirmAction } from './kotsu-confirm-dialog';
import './kotsu-report-dialog';
import { errorMessage } from '../i18n/error-message';
import { firePostChanged } from './post-changed';
import { LIMITS } from '../shared/length-limit';

/**
 * Moderation on a tip page: "report a problem" for members other than the author, and hide
 * (with a reason the author is told) or restore for moderators. Fires `kotsu-post-changed`
 * with the tip as the server now has it.
 */
@customElement('kotsu-tip-moderation')
export class KotsuTipModeration extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 1rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  `];

  @property({ attribute: false }) post: Post | null = null;
  /** Whether the reader already has an open report on this tip (from the tip page). */
  @property({ attribute: false }) reportPending = false;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _done = '';
  private readonly session = new SessionController(this);

  private changed(post: Post): void {
    firePostChanged(this, post);
  }

  /** The same dialog hides a comment (kotsu-comment-item): it says what happens and takes the reason. */
  private async hide(): Promise<void> {
    const p = this.post;
    if (!p || this._busy) return;
    this._error = '';
    let hidden = null as Post | null;
    const done = await confirmAction({
      title: msg('mod.hideTitle'), body: [msg('tip.hideBody')], confirmLabel: msg('mod.hide'), danger: true,
      reason: { label: msg('mod.hideReason'), max: LIMITS.hideReason },
      action: async (reason) => { hidden = await hidePost(p.id, reason); },
    });
    if (done === null || !hidden) return;
    this._done = msg('mod.hiddenDone');
    this.changed(hidden);
  }

  private async restore(): Promise<void> {
    if (!this.post || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      const post = await restorePost(this.post.id);
      this._done = msg('mod.restoredDone');
      this.changed(post);
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const user = this.session.user;
    const p = this.post;
    if (!user || !p) return nothing;
    const moderator = hasRole(user, 'moderator');
    const canReport = p.status === 'published' && p.author.id !== user.id;
    if (!moderator && !canReport) return nothing;
    return html`
      <div class="row">
        ${canReport ? html`<kotsu-report-dialog post-id=${p.id} .pending=${this.reportPending}></kotsu-report-dialog>` : nothing}
        ${moderator && p.status === 'published' ? html`<button class="btn danger" type="button" aria-haspopup="dialog"
          @click=${() => this.hide()}>${msg('mod.hide')}</button>` : nothing}
        ${moderator && p.status === 'hidden' ? html`<button class="btn secondary" type="button" ?disabled=${this._busy}
          @click=${() => this.restore()}>${msg('mod.restore')}</button>` : nothing}
      </div>
      ${this._done ? html`<p class="muted" role="status">${this._done}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-moderation': KotsuTipModeration;
  }
}
