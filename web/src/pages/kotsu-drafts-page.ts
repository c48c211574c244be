import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { listMyDrafts } from '../data/drafts';
import type { PostSummary } from '../data/types';
import { formatDate, msg } from '../i18n/catalogue';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/** /drafts — my drafts, last edited first; nobody else can see them. Each opens in the editor. */
@customElement('kotsu-drafts-page')
export class KotsuDraftsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.6rem 1rem; }
    a.title { font-weight: 700; word-break: break-word; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: PostSummary[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(more = false): Promise<void> {
    try {
      const list = (cursor: string | null) => listMyDrafts({ limit: 30, cursor });
      const page = more ? await list(this._cursor) : await withPagesShown('drafts', await list(null), list);
      this._items = more ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded('drafts');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    const items = this._items;
    return html`
      <h1>${msg('drafts.title')}</h1>
      <p class="muted">${msg('drafts.intro')}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)
        : items.length === 0 ? html`<p class="muted">${msg('drafts.empty')} <a href="/new">${msg('nav.new')}</a></p>`
        : html`<ol>${items.map((d) => html`<li>
            <a class="title" href=${`/tips/${d.id}/edit`}>${d.title}</a>
            <div class="muted">${msg('drafts.lastSaved', { date: formatDate(d.updatedAt, true) })}</div>
          </li>`)}</ol>`}
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-drafts-page': KotsuDraftsPage;
  }
}
