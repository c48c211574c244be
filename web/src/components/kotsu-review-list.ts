import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { confirmPost, getReviewList, type ReviewList } from '../data/posts';
import { formatDate, msg } from '../i18n/catalogue';
import { errorMessage } from '../i18n/error-message';
import { formatAge } from '../shared/age';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/** On my-tips: my published tips due for a look, each confirmable as still valid or open to edit. */
@customElement('kotsu-review-list')
export class KotsuReviewList extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: block; margin: 0 0 1.5rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
    ul { list-style: none; padding: 0; margin: 0.5rem 0 0; }
    li { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; padding: 0.5rem 0; border-bottom: 1px solid var(--kotsu-border); }
    li .what { flex: 1 1 16rem; min-width: 0; overflow-wrap: anywhere; }
    li .muted { display: block; font-size: 0.8125rem; }
    .btn { min-height: 36px; padding: 0.25rem 0.75rem; }
  `];

  @state() private _list: ReviewList | null = null;
  @state() private _error = '';
  @state() private _status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this._list = await getReviewList();
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private async onConfirm(id: number, title: string): Promise<void> {
    try {
      await confirmPost(id);
      this._status = `${title}: ${msg('fresh.justConfirmed')}`;
      if (this._list) this._list = { ...this._list, items: this._list.items.filter((i) => i.post.id !== id) };
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    const l = this._list;
    return html`
      <section aria-labelledby="review-title">
        <h2 id="review-title">${msg('fresh.title')}</h2>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${!l ? nothing : html`
          <p class="muted">${msg('fresh.intro', { days: l.staleAfterDays })}</p>
          ${l.items.length === 0 ? html`<p class="none">${msg('fresh.none')}</p>` : html`<ul>
            ${l.items.map(({ post, reviewedAt }) => html`<li>
              <span class="what"><a href=${`/tips/${post.id}`}>${post.title}</a>
                <span class="muted">${msg('fresh.lastReviewed', { date: formatDate(reviewedAt), age: formatAge(reviewedAt) })}</span></span>
              <button type="button" class="btn secondary" aria-label=${`${msg('fresh.stillValid')}: ${post.title}`}
                @click=${() => this.onConfirm(post.id, post.title)}>${msg('fresh.stillValid')}</button>
              <a class="btn secondary" href=${`/tips/${post.id}/edit`} aria-label=${`${msg('fresh.edit')}: ${post.title}`}>${msg('fresh.edit')}</a>
            </li>`)}
          </ul>`}`}
        <span class="visually-hidden" role="status">${this._status}</span>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-review-list': KotsuReviewList;
  }
}
