import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listLikers, type Liker } from '../data/popularity';
import { errorMessage } from '../i18n/error-message';
import { formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * The 役に立った count as a button that opens a modal list of the people who pressed it
 * (newest first, each linking to their page).
 */
@customElement('kotsu-likers-dialog')
export class KotsuLikersDialog extends KotsuElement {
  static override styles = [sharedStyles, css`
    :host { display: inline-block; }
    .open { font-size: 0.875rem; padding: 0.2rem 0.6rem; }
    dialog { border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; width: min(28rem, calc(100vw - 2rem)); }
    dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
    h2 { margin-top: 0; }
    ul { list-style: none; padding: 0; margin: 0; max-height: 60vh; overflow: auto; }
    li { padding: 0.3rem 0; border-bottom: 1px solid var(--kotsu-border); }
    .buttons { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 1rem; }
  `];

  @property({ type: Number, attribute: 'post-id' }) postId = 0;
  @property({ type: Number }) count = 0;

  @state() private _items: Liker[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _error = '';
  /** Nothing is asked for (or shown loading) until the list is first opened. */
  @state() private _opened = false;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private async open(): Promise<void> {
    this._items = null;
    this._error = '';
    this._opened = true;
    this.dialog?.showModal();
    await this.load(null);
  }

  private async load(cursor: string | null): Promise<void> {
    try {
      const page = await listLikers(this.postId, cursor);
      this._items = cursor ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    const items = this._items;
    return html`
      <button class="btn secondary open" type="button" aria-haspopup="dialog" @click=${() => this.open()}>
        ${msg('likers.open', { n: formatNumber(this.count) })}</button>
      <dialog aria-labelledby="likers-title">
        <h2 id="likers-title">${msg('likers.title')}</h2>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${!this._opened ? nothing : items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)
          : items.length === 0 ? html`<p class="muted">${msg('likers.empty')}</p>`
          : html`<ul class="likers">${items.map((l) => html`<li><a href=${link('/users/', l.user.username)}>${l.user.displayName}</a>
              ${l.user.department ? html`<span class="muted">（${l.user.department}）</span>` : nothing}</li>`)}</ul>`}
        ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(this._cursor)}>${msg('common.more')}</button></p>` : nothing}
        <div class="buttons"><button class="btn" type="button" @click=${() => this.dialog?.close()}>${msg('likers.close')}</button></div>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-likers-dialog': KotsuLikersDialog;
  }
}
