import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hidePost, restorePost } from '../data/moderation';
import type { Post } from '../data/types';
import { msg } from '../i18n/catalogue';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import './kotsu-report-dialog';
import { errorMessage } from '../i18n/error-message';

export interface PostChangedDetail {
  post: Post;
}

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
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(32rem, calc(100vw - 2rem)); }
    dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
    h2 { margin-top: 0; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-top: 1rem; }
  `];

  @property({ attribute: false }) post: Post | null = null;
  /** Whether the reader already has an open report on this tip (from the tip page). */
  @property({ attribute: false }) reportPending = false;
  @state() private _reason = '';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _done = '';
  private readonly session = new SessionController(this);

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private changed(post: Post): void {
    this.dispatchEvent(new CustomEvent<PostChangedDetail>('kotsu-post-changed', { detail: { post }, bubbles: true, composed: true }));
  }

  private failure(err: unknown): string {
    return errorMessage(err);
  }

  private async hide(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.post || !this._reason.trim() || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      const post = await hidePost(this.post.id, this._reason.trim());
      this.dialog?.close();
      this._reason = '';
      this._done = msg('mod.hiddenDone');
      this.changed(post);
    } catch (err) {
      this._error = this.failure(err);
    } finally {
      this._busy = false;
    }
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
      this._error = this.failure(err);
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
          @click=${() => { this._error = ''; this.dialog?.showModal(); }}>${msg('mod.hide')}</button>` : nothing}
        ${moderator && p.status === 'hidden' ? html`<button class="btn secondary" type="button" ?disabled=${this._busy}
          @click=${() => this.restore()}>${msg('mod.restore')}</button>` : nothing}
      </div>
      ${this._done ? html`<p class="muted" role="status">${this._done}</p>` : nothing}
      ${this._error && !this.dialog?.open ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${moderator ? html`
        <dialog aria-labelledby="hide-title">
          <form @submit=${(e: Event) => this.hide(e)}>
            <h2 id="hide-title">${msg('mod.hideTitle')}</h2>
            <label for="hide-reason">${msg('mod.hideReason')}</label>
            <textarea id="hide-reason" rows="3" required maxlength="1000" .value=${this._reason}
              @input=${(e: Event) => { this._reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
            ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
            <div class="buttons">
              <button class="btn secondary" type="button" @click=${() => this.dialog?.close()}>${msg('common.cancel')}</button>
              <button class="btn danger" type="submit" ?disabled=${this._busy || !this._reason.trim()}>${msg('mod.hide')}</button>
            </div>
          </form>
        </dialog>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-moderation': KotsuTipModeration;
  }
  interface HTMLElementEventMap {
    'kotsu-post-changed': CustomEvent<PostChangedDetail>;
  }
}
