import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { setBookmark, setLike, type PopularPost } from '../data/popularity';
import { formatNumber, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { firePostChanged } from './post-changed';
import './kotsu-likers-dialog';

/**
 * The "役に立った" (like) and "ストック" (bookmark) toggles under a tip, with how many people
 * read it. A click shows its result at once; if the server refuses or cannot be reached, the
 * button goes back to what it was and says so. Fires `kotsu-post-changed` with the tip's new
 * counts once the server has confirmed.
 */
@customElement('kotsu-tip-reactions')
export class KotsuTipReactions extends KotsuElement {
  static override styles = [sharedStyles, css`
    .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; margin: 1rem 0; }
    .btn[aria-pressed='true'] { background: var(--kotsu-primary); color: #fff; }
    .btn[aria-pressed='true']:hover { background: var(--kotsu-primary-dark); }
    .count { font-weight: 400; }
    .error { flex-basis: 100%; margin: 0; }
  `];

  @property({ attribute: false }) post: PopularPost | null = null;

  @state() private _liked = false;
  @state() private _likes = 0;
  @state() private _bookmarked = false;
  @state() private _bookmarks = 0;
  @state() private _error = '';
  private _likeBusy = false;
  private _bookmarkBusy = false;
  private readonly session = new SessionController(this);

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('post') && this.post) {
      this._liked = this.post.likedByMe;
      this._likes = this.post.likeCount;
      this._bookmarked = this.post.bookmarkedByMe ?? false;
      this._bookmarks = this.post.bookmarkCount ?? 0;
    }
  }

  private failure(err: unknown): string {
    const message = errorMessage(err);
    return msg('reactions.failed', { message });
  }

  private changed(patch: Partial<PopularPost>): void {
    if (!this.post) return;
    const post = { ...this.post, ...patch };
    firePostChanged(this, post);
  }

  private async toggleLike(): Promise<void> {
    if (!this.post || this._likeBusy) return;
    const before = { liked: this._liked, likes: this._likes };
    const on = !before.liked;
    this._likeBusy = true;
    this._error = '';
    this._liked = on;
    this._likes = Math.max(0, before.likes + (on ? 1 : -1));
    try {
      const answer = await setLike(this.post.id, on);
      this._liked = answer.likedByMe;
      this._likes = answer.likeCount;
      this.changed({ likedByMe: answer.likedByMe, likeCount: answer.likeCount });
    } catch (err) {
      this._liked = before.liked;
      this._likes = before.likes;
      this._error = this.failure(err);
    } finally {
      this._likeBusy = false;
    }
  }

  private async toggleBookmark(): Promise<void> {
    if (!this.post || this._bookmarkBusy) return;
    const before = { bookmarked: this._bookmarked, bookmarks: this._bookmarks };
    const on = !before.bookmarked;
    this._bookmarkBusy = true;
    this._error = '';
    this._bookmarked = on;
    this._bookmarks = Math.max(0, before.bookmarks + (on ? 1 : -1));
    try {
      const answer = await setBookmark(this.post.id, on);
      this._bookmarked = answer.bookmarkedByMe;
      this._bookmarks = answer.bookmarkCount;
      this.changed({ bookmarkedByMe: answer.bookmarkedByMe, bookmarkCount: answer.bookmarkCount });
    } catch (err) {
      this._bookmarked = before.bookmarked;
      this._bookmarks = before.bookmarks;
      this._error = this.failure(err);
    } finally {
      this._bookmarkBusy = false;
    }
  }

  override render() {
    const p = this.post;
    if (!p || p.status === 'draft') return nothing;
    const own = this.session.user?.id === p.author.id;
    const open = p.status === 'published';
    return html`<div class="bar" role="group" aria-label=${msg('reactions.label')}>
      <button class="btn secondary like" aria-pressed=${this._liked ? 'true' : 'false'} ?disabled=${own || !open}
        title=${own ? msg('reactions.ownTip') : ''} @click=${() => this.toggleLike()}>
        ${msg('reactions.like')} <span class="count">${msg('reactions.likeCount', { n: formatNumber(this._likes) })}</span>
      </button>
      ${this._likes > 0 ? html`<kotsu-likers-dialog post-id=${p.id} .count=${this._likes}></kotsu-likers-dialog>` : nothing}
      <button class="btn secondary bookmark" aria-pressed=${this._bookmarked ? 'true' : 'false'} ?disabled=${!open && !this._bookmarked}
        @click=${() => this.toggleBookmark()}>
        ${this._bookmarked ? msg('reactions.bookmarked') : msg('reactions.bookmark')}
        <span class="count">${msg('reactions.bookmarkCount', { n: formatNumber(this._bookmarks) })}</span>
      </button>
      ${p.viewerCount !== undefined ? html`<span class="muted viewers">${msg('reactions.viewers', { n: formatNumber(p.viewerCount) })}</span>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-reactions': KotsuTipReactions;
  }
}
