import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import { createRequest, listRequests, setVote, type TipRequest } from '../data/requests';
import { formatDate, msg } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import '../components/kotsu-image-tools';
import '../components/kotsu-similar-tips';
import { REQUESTS_FEED } from '../data/feeds';
import { setFeedLinks } from '../router/feed-links';
import { pageAdded, withPagesShown } from '../router/shown-pages';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

type Status = 'open' | 'solved';
type Sort = 'votes' | 'new';

/**
 * /requests — 教えて: tips people wish existed, most wanted first. Ask for one, say
 * 私も知りたい, open one to answer it with a tip.
 */
@customElement('kotsu-requests-page')
export class KotsuRequestsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .ask { margin-bottom: 1.5rem; }
    .ask textarea { min-height: 5rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.75rem 0; }
    .bar select { width: auto; }
    .bar label { margin: 0; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.6rem 1rem; display: flex; gap: 1rem; align-items: flex-start; }
    .main { flex: 1; min-width: 0; }
    a.title { font-weight: 700; word-break: break-word; }
    .vote { min-width: 7.5rem; justify-content: center; }
    .btn.vote[aria-pressed='true'], .btn.vote[aria-pressed='true']:hover { background: var(--kotsu-primary); color: #fff; }
    .solved { display: inline-block; font-size: 0.75rem; background: #e6f4ea; color: #1e6b34; border-radius: 4px; padding: 0 0.4rem; margin-left: 0.35rem; }
    @media (max-width: 480px) { li { flex-direction: column; gap: 0.5rem; } }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _items: TipRequest[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _status: Status = 'open';
  @state() private _sort: Sort = 'votes';
  @state() private _title = '';
  @state() private _body = '';
  @state() private _busy = false;
  @state() private _error = '';
  private readonly session = new SessionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    setFeedLinks([{ title: msg('feeds.requests'), href: REQUESTS_FEED }]);
    this._status = this.query.get('status') === 'solved' ? 'solved' : 'open';
    this._sort = this.query.get('sort') === 'new' ? 'new' : 'votes';
    // /requests?ask=… (the search page's button when nothing was found): the question filled in.
    const ask = this.query.get('ask');
    if (ask) this._title = ask.slice(0, 200);
    void this.load();
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(more = false): Promise<void> {
    try {
      const list = (cursor: string | null) => listRequests({ status: this._status, sort: this._sort, limit: 30, cursor });
      const page = more ? await list(this._cursor) : await withPagesShown(`requests:${this._status}:${this._sort}`, await list(null), list);
      this._items = more ? [...(this._items ?? []), ...page.items] : page.items;
      this._cursor = page.nextCursor;
      if (more) pageAdded(`requests:${this._status}:${this._sort}`);
    } catch (err) {
      this.fail(err);
    }
  }

  private setFilter(status: Status, sort: Sort): void {
    this._status = status;
    this._sort = sort;
    history.replaceState(history.state, '', `/requests?status=${status}&sort=${sort}`);
    void this.load();
  }

  private async ask(e: Event): Promise<void> {
    e.preventDefault();
    if (!this._title.trim()) {
      this._error = msg('request.titleRequired');
      this.renderRoot.querySelector<HTMLInputElement>('#request-title')?.focus();
      return;
    }
    if (charactersOver(this._title.trim(), LIMITS.requestTitle) || charactersOver(this._body, LIMITS.requestBody)) return;
    this._busy = true;
    this._error = '';
    try {
      const r = await createRequest({ title: this._title.trim(), body: this._body });
      // Posted: Back returns to the list, not to the same question filled in again (?ask=).
      if (this.query.has('ask')) {
        const here = new URL(location.href);
        here.searchParams.delete('ask');
        history.replaceState(history.state, '', here);
      }
      navigate(`/requests/${r.id}`);
    } catch (err) {
      this.fail(err);
    } finally {
      this._busy = false;
    }
  }

  private async vote(r: TipRequest): Promise<void> {
    try {
      const state = await setVote(r.id, !r.votedByMe);
      this._items = (this._items ?? []).map((x) => (x.id === r.id ? { ...x, ...state } : x));
    } catch (err) {
      this.fail(err);
    }
  }

  override render() {
    const me = this.session.user;
    const items = this._items;
    return html`
      <h1>${msg('request.pageTitle')}</h1>
      <p class="muted">${msg('request.intro')}</p>
      <form class="ask card" @submit=${this.ask} novalidate>
        <label for="request-title">${msg('request.askLabel')}</label>
        <input id="request-title" type="text" .value=${this._title} placeholder=${msg('request.askPlaceholder')}
          @input=${(e: Event) => { this._title = (e.target as HTMLInputElement).value; }} />
        ${lengthNotice(this._title.trim(), LIMITS.requestTitle)}
        <kotsu-similar-tips .text=${this._title}></kotsu-similar-tips>
        <label for="request-body">${msg('request.bodyLabel')}</label>
        <textarea id="request-body" .value=${this._body}
          @input=${(e: Event) => { this._body = (e.target as HTMLTextAreaElement).value; }}></textarea>
        <kotsu-image-tools for="request-body"></kotsu-image-tools>
        ${lengthNotice(this._body, LIMITS.requestBody)}
        <p><button class="btn" type="submit" ?disabled=${this._busy}>${msg('request.ask')}</button></p>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="bar">
        <label for="status">${msg('request.show')}</label>
        <select id="status" @change=${(e: Event) => this.setFilter((e.target as HTMLSelectElement).value as Status, this._sort)}>
          <option value="open" ?selected=${this._status === 'open'}>${msg('request.open')}</option>
          <option value="solved" ?selected=${this._status === 'solved'}>${msg('request.solvedList')}</option>
        </select>
        <label for="sort">${msg('request.sort')}</label>
        <select id="sort" @change=${(e: Event) => this.setFilter(this._status, (e.target as HTMLSelectElement).value as Sort)}>
          <option value="votes" ?selected=${this._sort === 'votes'}>${msg('request.sortVotes')}</option>
          <option value="new" ?selected=${this._sort === 'new'}>${msg('request.sortNew')}</option>
        </select>
        <a href="/api/feeds/requests.atom">${msg('request.feed')}</a>
      </div>
      ${items === null ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`)
        : items.length === 0 ? html`<p class="muted">${msg('request.empty')}</p>`
        : html`<ol>${items.map((r) => html`<li>
            <div class="main">
              <a class="title" href=${link('/requests/', r.id)}>${r.title}</a>${r.status === 'solved' ? html`<span class="solved">${msg('request.solved')}</span>` : nothing}
              <div class="muted">${msg('request.by', { name: r.requester.displayName, department: r.requester.department || '—' })}・${formatDate(r.createdAt)}・${msg('request.answers', { n: r.answerCount })}</div>
            </div>
            ${me && me.id !== r.requester.id && r.status === 'open'
              ? html`<button class="btn secondary vote" aria-pressed=${r.votedByMe ? 'true' : 'false'} @click=${() => this.vote(r)}
                  aria-label=${msg('request.voteLabel', { title: r.title, n: r.voteCount })}>${msg('request.vote', { n: r.voteCount })}</button>`
              : html`<span class="muted">${msg('request.votes', { n: r.voteCount })}</span>`}
          </li>`)}</ol>`}
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-requests-page': KotsuRequestsPage;
  }
}
