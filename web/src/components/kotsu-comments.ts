import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addComment, listComments, type Comment } from '../data/comments';
import type { Page } from '../data/http';
import { msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import './kotsu-comment-item';
import type { CommentChange } from './kotsu-comment-item';
import { KotsuElement } from './kotsu-element';
import './kotsu-image-tools';
import './kotsu-mention-complete';
import './kotsu-reply-form';
import { errorMessage } from '../i18n/error-message';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

/**
 * The comments under a tip, oldest first, each with its replies (one level) and a reply form,
 * and a form to add one in Markdown (rendered by the server like the tip). Only a published tip
 * takes new comments. The first page comes with the tip page (`first`); further pages are asked for here.
 */
@customElement('kotsu-comments')
export class KotsuComments extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin-top: 1.5rem; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.6rem 1rem; }
    form { margin-top: 1rem; }
    textarea { min-height: 6rem; }
    ol.replies { margin: 0.6rem 0 0 1.25rem; }
    ol.replies li { background: var(--kotsu-bg, #f7f9fc); }
    .bar { display: flex; gap: 0.5rem; margin-top: 0.5rem; align-items: center; }
  `];

  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  /** Whether the tip takes new comments (published). */
  @property({ type: Boolean, attribute: 'can-comment' }) canComment = false;
  /** The first page of comments, as the tip page received it. */
  @property({ attribute: false }) first: Page<Comment> | null = null;
  @state() private _items: Comment[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _text = '';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _status = '';

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('first') && this.first) {
      this._items = this.first.items;
      this._cursor = this.first.nextCursor;
    }
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async more(): Promise<void> {
    if (!this.postId || !this._cursor) return;
    try {
      const page = await listComments(this.postId, this._cursor);
      this._items = [...(this._items ?? []), ...page.items];
      this._cursor = page.nextCursor;
    } catch (err) {
      this.fail(err);
    }
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this._text.trim() || this._busy || charactersOver(this._text, LIMITS.comment)) return;
    this._busy = true;
    this._error = '';
    try {
      const c = await addComment(this.postId, this._text);
      this._items = [...(this._items ?? []), c];
      this._text = '';
      this._status = msg('comment.posted');
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private onChange(e: CustomEvent<CommentChange>): void {
    const { id, comment } = e.detail;
    this._items = (this._items ?? []).flatMap((c) => (c.id !== id ? [c] : comment ? [comment] : []));
  }

  private onReply(e: CustomEvent<Comment>): void {
    this._items = [...(this._items ?? []), e.detail];
    this._status = msg('reply.posted');
  }

  /** Top-level comments with their replies under them; a reply whose comment is not shown stands alone. */
  private renderThreads(items: Comment[]) {
    const shown = new Set(items.map((c) => c.id));
    const top = items.filter((c) => c.parentId === null || !shown.has(c.parentId));
    const replies = (id: number) => items.filter((c) => c.parentId === id);
    return html`<ol @kotsu-comment-change=${this.onChange} @kotsu-comment-added=${this.onReply}>${top.map((c) => {
      const answers = c.parentId === null ? replies(c.id) : [];
      return html`<li class="thread">
        <kotsu-comment-item .comment=${c}></kotsu-comment-item>
        ${answers.length ? html`<ol class="replies" aria-label=${msg('reply.list', { name: c.author.displayName })}>${answers.map((r) => html`<li><kotsu-comment-item .comment=${r}></kotsu-comment-item></li>`)}</ol>` : nothing}
        ${this.canComment && c.parentId === null && c.status === 'visible'
          ? html`<kotsu-reply-form post-id=${this.postId} parent-id=${c.id} .to=${c.author.displayName}></kotsu-reply-form>` : nothing}
      </li>`;
    })}</ol>`;
  }

  override render() {
    const items = this._items;
    return html`
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">${msg('comment.title', { n: items?.length ?? 0 })}</h2>
        ${items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)
          : items.length === 0 ? html`<p class="muted">${msg('comment.empty')}</p>`
          : this.renderThreads(items)}
        ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.more()}>${msg('common.more')}</button></p>` : nothing}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this.canComment ? html`
          <form @submit=${this.onSubmit}>
            <label for="new-comment">${msg('comment.add')}</label>
            <textarea id="new-comment" .value=${this._text} aria-describedby="comment-help"
              @input=${(e: Event) => { this._text = (e.target as HTMLTextAreaElement).value; }}></textarea>
            ${lengthNotice(this._text, LIMITS.comment)}
            <kotsu-mention-complete for="new-comment"></kotsu-mention-complete>
            <kotsu-image-tools for="new-comment"></kotsu-image-tools>
            <p id="comment-help" class="muted">${msg('comment.help')}</p>
            <div class="bar">
              <button class="btn" type="submit" ?disabled=${this._busy || !this._text.trim() || charactersOver(this._text, LIMITS.comment) > 0}>${msg('comment.submit')}</button>
              <span class="muted" role="status">${this._status}</span>
            </div>
          </form>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-comments': KotsuComments;
  }
}
