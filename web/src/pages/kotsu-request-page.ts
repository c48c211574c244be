import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-markdown';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import {
  addAnswer, deleteRequest, getRequest, reopenRequest, setVote, solveRequest, type TipRequestDetail,
} from '../data/requests';
import { formatDate, msg } from '../i18n/catalogue';
import { link, navigate, setPageTitle } from '../router/router';
import { hasRole, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { isNotFound, notFoundView } from '../shared/not-found';

/** A tip's id from what a member pastes: `123`, `/tips/123` or a full address of a tip page. */
export function tipIdFrom(text: string): number | null {
  const m = /(?:^|\/tips\/)(\d+)(?:[/?#]|$)/.exec(text.trim());
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * /requests/:id — one 教えて: what is asked, 私も知りたい, the tips that answer it. Anyone can
 * answer by writing a new tip or linking an existing one; the requester marks it solved.
 */
@customElement('kotsu-request-page')
export class KotsuRequestPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .meta { color: var(--kotsu-muted); font-size: 0.875rem; margin-bottom: 0.75rem; }
    .state { display: inline-block; border-radius: 4px; padding: 0 0.5rem; font-size: 0.8125rem; font-weight: 700; }
    .state.open { background: #fff7e0; color: #7a5a00; }
    .state.solved { background: #e6f4ea; color: #1e6b34; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.75rem 0; }
    .btn.vote[aria-pressed='true'], .btn.vote[aria-pressed='true']:hover { background: var(--kotsu-primary); color: #fff; }
    ul.answers { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    ul.answers li { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.6rem 1rem; }
    .best { font-weight: 700; color: #1e6b34; }
    .link-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .link-form div { flex: 1 1 16rem; }
    .link-form label { margin-top: 0; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _r: TipRequestDetail | null = null;
  @state() private _link = '';
  @state() private _error = '';
  @state() private _status = '';
  @state() private _notFound = false;
  private readonly session = new SessionController(this);

  private get requestId(): number {
    return Number(this.params.id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    if (isNotFound(err) && !this._r) this._notFound = true;
    else this._error = errorMessage(err);
  }

  private async load(): Promise<void> {
    if (!Number.isInteger(this.requestId) || this.requestId < 1) {
      this._notFound = true;
      return;
    }
    try {
      this._r = await getRequest(this.requestId);
      setPageTitle(this._r.title);
    } catch (err) {
      this.fail(err);
    }
  }

  private async act(action: () => Promise<TipRequestDetail>, done: string): Promise<void> {
    this._error = '';
    try {
      this._r = await action();
      this._status = done;
    } catch (err) {
      this.fail(err);
    }
  }

  private async vote(): Promise<void> {
    const r = this._r;
    if (!r) return;
    try {
      this._r = { ...r, ...(await setVote(r.id, !r.votedByMe)) };
    } catch (err) {
      this.fail(err);
    }
  }

  private onLink(e: Event): void {
    e.preventDefault();
    const id = tipIdFrom(this._link);
    if (id === null) {
      this._error = msg('request.linkInvalid');
      return;
    }
    void this.act(() => addAnswer(this.requestId, id), msg('request.linked')).then(() => { if (!this._error) this._link = ''; });
  }

  private async onDelete(): Promise<void> {
    const r = this._r;
    if (!r) return;
    const ok = await confirmAction({
      title: msg('request.deleteTitle'), body: [msg('request.deleteBody', { title: r.title })], confirmLabel: msg('request.delete'), danger: true,
    });
    if (ok === null) return;
    try {
      await deleteRequest(this.requestId);
      navigate('/requests');
    } catch (err) {
      this.fail(err);
    }
  }

  override render() {
    if (this._notFound) {
      return notFoundView({ href: '/requests', label: msg('request.back') });
    }
    const r = this._r;
    if (!r) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    const me = this.session.user;
    const mine = me?.id === r.requester.id;
    return html`
      <p><a href="/requests">← ${msg('request.back')}</a></p>
      <h1>${r.title}</h1>
      <div class="meta">
        <span class="state ${r.status}">${r.status === 'open' ? msg('request.stateOpen') : msg('request.solved')}</span>
        ${msg('request.by', { name: r.requester.displayName, department: r.requester.department || '—' })}・${formatDate(r.createdAt, true)}
      </div>
      ${r.html ? html`<div class="card"><kotsu-markdown .html=${r.html}></kotsu-markdown></div>` : nothing}
      <div class="row">
        ${!mine && r.status === 'open'
          ? html`<button class="btn secondary vote" aria-pressed=${r.votedByMe ? 'true' : 'false'} @click=${() => this.vote()}>${msg('request.vote', { n: r.voteCount })}</button>`
          : html`<span class="muted">${msg('request.votes', { n: r.voteCount })}</span>`}
        ${r.status === 'open' ? html`<a class="btn" href=${`/new?request=${r.id}`}>${msg('request.writeAnswer')}</a>` : nothing}
        ${mine && r.status === 'open' ? html`<button class="btn secondary" @click=${() => this.act(() => solveRequest(r.id), msg('request.solvedDone'))}>${msg('request.markSolved')}</button>` : nothing}
        ${mine && r.status === 'solved' ? html`<button class="btn secondary" @click=${() => this.act(() => reopenRequest(r.id), msg('request.reopened'))}>${msg('request.reopen')}</button>` : nothing}
        ${mine || hasRole(me, 'moderator') ? html`<button class="btn danger" @click=${() => this.onDelete()}>${msg('request.delete')}</button>` : nothing}
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="muted" role="status">${this._status}</p>
      <h2>${msg('request.answersTitle', { n: r.answers.length })}</h2>
      ${r.answers.length === 0 ? html`<p class="muted">${msg('request.noAnswers')}</p>` : html`
        <ul class="answers">${r.answers.map((a) => html`<li>
          <a href=${link('/tips/', a.post.id)}><strong>${a.post.title}</strong></a>
          ${r.solvedPostId === a.post.id ? html` <span class="best">${msg('request.bestAnswer')}</span>` : nothing}
          <div class="muted">${msg('request.answeredBy', { name: a.linkedBy.displayName, date: formatDate(a.linkedAt) })}</div>
          ${mine && r.status === 'open' ? html`<button class="btn secondary" @click=${() => this.act(() => solveRequest(r.id, a.post.id), msg('request.solvedDone'))}>${msg('request.solvedBy')}</button>` : nothing}
        </li>`)}</ul>`}
      ${r.status === 'open' ? html`
        <h2>${msg('request.linkTitle')}</h2>
        <form class="link-form" @submit=${this.onLink}>
          <div><label for="tip-link">${msg('request.linkLabel')}</label>
            <input id="tip-link" type="text" .value=${this._link} placeholder="/tips/123" @input=${(e: Event) => { this._link = (e.target as HTMLInputElement).value; }} /></div>
          <button class="btn secondary" type="submit">${msg('request.link')}</button>
        </form>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-request-page': KotsuRequestPage;
  }
}
