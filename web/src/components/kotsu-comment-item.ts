import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { deleteComment, editComment, hideComment, restoreComment, type Comment } from '../data/comments';
import { formatDate, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { confirmAction } from './kotsu-confirm-dialog';
import './kotsu-image-tools';
import './kotsu-markdown';
import { KotsuElement } from './kotsu-element';
import { errorMessage } from '../i18n/error-message';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

export interface CommentChange {
  /** The comment as the server now has it; null once deleted. */
  comment: Comment | null;
  id: number;
}

/**
 * One comment: author, date, rendered body. Its author may edit or delete it; moderators may
 * hide it (with a reason its author is told) or show it again.
 * @fires kotsu-comment-change - detail: CommentChange
 */
@customElement('kotsu-comment-item')
export class KotsuCommentItem extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .head { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-size: 0.8125rem; color: var(--kotsu-muted); }
    .head a { font-weight: 600; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.25rem; }
    .link { background: none; border: none; padding: 0.2rem 0.35rem; color: var(--kotsu-primary); font: inherit; font-size: 0.8125rem; cursor: pointer; text-decoration: underline; min-height: 28px; }
    .link.danger { color: var(--kotsu-danger); }
    .hidden-note { font-size: 0.8125rem; background: #fff7e0; border-radius: 4px; padding: 0.15rem 0.5rem; display: inline-block; }
    textarea { min-height: 6rem; }
  `];

  @property({ attribute: false }) comment: Comment | null = null;
  @state() private _editing = false;
  @state() private _draft = '';
  @state() private _busy = false;
  @state() private _error = '';
  private readonly session = new SessionController(this);

  private changed(id: number, comment: Comment | null): void {
    this.dispatchEvent(new CustomEvent<CommentChange>('kotsu-comment-change', { detail: { id, comment }, bubbles: true, composed: true }));
  }

  private async run(action: () => Promise<Comment | null>): Promise<void> {
    const c = this.comment;
    if (!c || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      this.changed(c.id, await action());
      this._editing = false;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private onSave(e: Event): void {
    e.preventDefault();
    const c = this.comment;
    if (!c || !this._draft.trim() || charactersOver(this._draft, LIMITS.comment)) return;
    void this.run(() => editComment(c.id, this._draft));
  }

  private async onDelete(): Promise<void> {
    const c = this.comment;
    if (!c || this._busy) return;
    const ok = await confirmAction({
      title: msg('comment.deleteTitle'), body: [msg('comment.deleteBody')], confirmLabel: msg('common.delete'), danger: true,
    });
    if (ok === null) return;
    void this.run(async () => { await deleteComment(c.id); return null; });
  }

  /** The dialog that hides a tip (kotsu-tip-moderation), here for a comment. */
  private async onHide(): Promise<void> {
    const c = this.comment;
    if (!c || this._busy) return;
    let hidden = null as Comment | null;
    const done = await confirmAction({
      title: msg('comment.hideTitle'), body: [msg('comment.hideBody')], confirmLabel: msg('comment.hide'), danger: true,
      reason: { label: msg('comment.hideReason'), max: LIMITS.commentHideReason },
      action: async (reason) => { hidden = await hideComment(c.id, reason); },
    });
    if (done !== null && hidden) this.changed(c.id, hidden);
  }

  override render() {
    const c = this.comment;
    if (!c) return nothing;
    const user = this.session.user;
    const own = user?.id === c.author.id;
    const staff = hasRole(user, 'moderator');
    return html`
      <div class="head">
        <a href=${link('/users/', c.author.username)}>${c.author.displayName}</a>
        <span>${c.author.department}</span>
        <span>${formatDate(c.createdAt, true)}${c.edited ? ` ${msg('comment.edited')}` : ''}</span>
      </div>
      ${c.status === 'hidden' ? html`<p class="hidden-note">${msg('comment.hiddenNote')}${c.hiddenReason ? ` ${msg('tip.hiddenReason', { reason: c.hiddenReason })}` : ''}</p>` : nothing}
      ${this._editing ? html`
        <form @submit=${this.onSave}>
          <label for="edit-${c.id}" class="visually-hidden">${msg('comment.editLabel')}</label>
          <textarea id="edit-${c.id}" .value=${this._draft} @input=${(e: Event) => { this._draft = (e.target as HTMLTextAreaElement).value; }}></textarea>
          <kotsu-image-tools for=${`edit-${c.id}`}></kotsu-image-tools>
          ${lengthNotice(this._draft, LIMITS.comment)}
          <div class="actions">
            <button class="btn" type="submit" ?disabled=${this._busy || !this._draft.trim() || charactersOver(this._draft, LIMITS.comment) > 0}>${msg('common.save')}</button>
            <button class="btn secondary" type="button" @click=${() => { this._editing = false; }}>${msg('common.cancel')}</button>
          </div>
        </form>` : html`<kotsu-markdown .html=${c.html}></kotsu-markdown>`}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${!this._editing && (own || staff) ? html`<div class="actions">
        ${own ? html`<button class="link" @click=${() => { this._draft = c.body; this._editing = true; }}>${msg('common.edit')}</button>` : nothing}
        ${own || hasRole(user, 'admin') ? html`<button class="link danger" @click=${() => this.onDelete()}>${msg('common.delete')}</button>` : nothing}
        ${staff && c.status === 'visible' ? html`<button class="link danger" aria-haspopup="dialog" @click=${() => this.onHide()}>${msg('comment.hide')}</button>` : nothing}
        ${staff && c.status === 'hidden' ? html`<button class="link" @click=${() => this.run(() => restoreComment(c.id))}>${msg('comment.restore')}</button>` : nothing}
      </div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-comment-item': KotsuCommentItem;
  }
  interface HTMLElementEventMap {
    'kotsu-comment-change': CustomEvent<CommentChange>;
  }
}
