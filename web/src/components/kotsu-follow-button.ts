import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getFollow, setFollow, type FollowKind } from '../data/follows';
import { formatNumber, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * Follow / unfollow a tag or a person (`kind`, `name`, optional `display`), with the follower count. A toggle button
 * (`aria-pressed`): the click shows at once; if the server refuses, it goes back and says so.
 */
@customElement('kotsu-follow-button')
export class KotsuFollowButton extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: inline-flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    .btn[aria-pressed='true'] { background: var(--kotsu-primary); color: #fff; }
    .btn[aria-pressed='true']:hover { background: var(--kotsu-primary-dark); }
    .error { margin: 0; }
  `];

  @property() kind: FollowKind = 'tag';
  @property() name = '';
  /** How the person or tag is called in the button's accessible name (defaults to `name`). */
  @property() display = '';

  @state() private _following = false;
  @state() private _count = 0;
  @state() private _loaded = false;
  @state() private _error = '';
  private _busy = false;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('name') || changed.has('kind')) && this.name) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const s = await getFollow(this.kind, this.name);
      this._following = s.following;
      this._count = s.followerCount;
      this._loaded = true;
    } catch {
      // A tag with no tips yet, or a missing person: no button.
      this._loaded = false;
    }
  }

  private async toggle(): Promise<void> {
    if (this._busy) return;
    const before = { following: this._following, count: this._count };
    const on = !before.following;
    this._busy = true;
    this._error = '';
    this._following = on;
    this._count = Math.max(0, before.count + (on ? 1 : -1));
    try {
      const s = await setFollow(this.kind, this.name, on);
      this._following = s.following;
      this._count = s.followerCount;
    } catch (err) {
      this._following = before.following;
      this._count = before.count;
      this._error = msg('follow.failed', { message: errorMessage(err) });
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (!this._loaded) return nothing;
    const label = this.kind === 'tag' ? msg('follow.tagLabel', { name: this.display || this.name }) : msg('follow.userLabel', { name: this.display || this.name });
    return html`
      <button class="btn secondary follow" aria-pressed=${this._following ? 'true' : 'false'} aria-label=${label}
        @click=${() => this.toggle()}>${this._following ? msg('follow.following') : msg('follow.follow')}</button>
      <span class="muted followers">${msg('follow.count', { n: formatNumber(this._count) })}</span>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-follow-button': KotsuFollowButton;
  }
}
