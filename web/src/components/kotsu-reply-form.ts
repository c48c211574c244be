import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addComment, type Comment } from '../data/comments';
import { errorMessage } from '../i18n/error-message';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import './kotsu-image-tools';
import './kotsu-mention-complete';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

/**
 * A "返信する" toggle under a top-level comment that opens a small form answering it (one level
 * of replies). Fires `kotsu-comment-added` with the new reply once the server has it.
 */
@customElement('kotsu-reply-form')
export class KotsuReplyForm extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 0.4rem; }
    textarea { min-height: 4rem; }
    .bar { display: flex; gap: 0.5rem; margin-top: 0.4rem; }
    .toggle { font-size: 0.875rem; padding: 0.2rem 0.6rem; }
  `];

  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  @property({ type: Number, attribute: 'parent-id' }) parentId = 0;
  /** Whose comment is answered, for the form's label. */
  @property() to = '';

  @state() private _open = false;
  @state() private _text = '';
  @state() private _busy = false;
  @state() private _error = '';

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this._text.trim() || this._busy || charactersOver(this._text, LIMITS.comment)) return;
    this._busy = true;
    this._error = '';
    try {
      const reply = await addComment(this.postId, this._text, this.parentId);
      this._text = '';
      this._open = false;
      this.dispatchEvent(new CustomEvent<Comment>('kotsu-comment-added', { detail: reply, bubbles: true, composed: true }));
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const id = `reply-${this.parentId}`;
    if (!this._open) {
      // No aria-controls while closed: the form it would name does not exist yet.
      return html`<button class="btn secondary toggle" aria-expanded="false"
        @click=${() => { this._open = true; void this.updateComplete.then(() => this.renderRoot.querySelector('textarea')?.focus()); }}>${msg('reply.open')}</button>`;
    }
    return html`<form id=${id} @submit=${this.submit}>
      <label for=${`${id}-text`}>${msg('reply.label', { name: this.to })}</label>
      <textarea id=${`${id}-text`} .value=${this._text}
        @input=${(e: Event) => { this._text = (e.target as HTMLTextAreaElement).value; }}></textarea>
      ${lengthNotice(this._text, LIMITS.comment)}
      <kotsu-mention-complete for=${`${id}-text`}></kotsu-mention-complete>
      <kotsu-image-tools for=${`${id}-text`}></kotsu-image-tools>
      <div class="bar">
        <button class="btn" type="submit" ?disabled=${this._busy || !this._text.trim() || charactersOver(this._text, LIMITS.comment) > 0}>${msg('reply.submit')}</button>
        <button class="btn secondary" type="button" @click=${() => { this._open = false; }}>${msg('reply.cancel')}</button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-reply-form': KotsuReplyForm;
  }
  interface HTMLElementEventMap {
    'kotsu-comment-added': CustomEvent<Comment>;
  }
}
