import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-diff-view';
import '../components/kotsu-markdown';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { ApiError } from '../data/http';
import { getPost, renderPreview } from '../data/posts';
import { getDiff, getRevision, listRevisions, restoreRevision, type Revision, type RevisionDiff, type RevisionSummary } from '../data/revisions';
import type { Post } from '../data/types';
import { formatDate, msg } from '../i18n/catalogue';
import { link, navigate, setPageTitle } from '../router/router';
import { mayEdit, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { isNotFound, notFoundView } from '../shared/not-found';
import { pageAdded, withPagesShown } from '../router/shown-pages';

/**
 * /tips/:id/history — every saved revision of a tip (who, when, title), a comparison of any two
 * (`?from=&to=`, shareable), reading an old revision, and restoring it as a new revision.
 */
@customElement('kotsu-history-page')
export class KotsuHistoryPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    ol { list-style: none; margin: 0; padding: 0; background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); }
    li { padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
    li + li { border-top: 1px solid var(--kotsu-border); }
    .num { font-weight: 700; min-width: 3rem; }
    .who { color: var(--kotsu-muted); font-size: 0.875rem; }
    .grow { flex: 1 1 12rem; word-break: break-word; }
    .compare { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 1rem 0; }
    .compare label { margin: 0 0 0.25rem; }
    .compare select { width: auto; min-width: 8rem; }
    .link { background: none; border: none; color: var(--kotsu-primary); text-decoration: underline; font: inherit; cursor: pointer; padding: 0.2rem; min-height: 32px; }
    .shown { margin-top: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _post: Post | null = null;
  @state() private _revisions: RevisionSummary[] = [];
  @state() private _cursor: string | null = null;
  @state() private _from = 0;
  @state() private _to = 0;
  @state() private _diff: RevisionDiff | null = null;
  @state() private _shown: { rev: Revision; html: string } | null = null;
  @state() private _error = '';
  @state() private _status = '';
  @state() private _notFound = false;
  private readonly session = new SessionController(this);

  private get postId(): number {
    return Number(this.params.id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    if (isNotFound(err) && !this._post) this._notFound = true;
    else this._error = errorMessage(err);
  }

  private async load(): Promise<void> {
    if (!Number.isInteger(this.postId) || this.postId < 1) {
      this._notFound = true;
      return;
    }
    try {
      const revisions = (cursor?: string) => listRevisions(this.postId, { limit: 50, cursor });
      const [post, page] = await Promise.all([getPost(this.postId), revisions().then((first) => withPagesShown('revisions', first, revisions))]);
      this._post = post;
      this._revisions = page.items;
      this._cursor = page.nextCursor;
      setPageTitle(() => msg('history.pageTitle', { title: post.title }));
      const latest = page.items[0]?.number ?? 0;
      const to = Number(this.query.get('to')) || latest;
      const from = Number(this.query.get('from')) || (page.items.find((r) => r.number < to)?.number ?? 0);
      this._to = to;
      this._from = from;
      if (to && from && from !== to) await this.compare(false);
    } catch (err) {
      this.fail(err);
    }
  }

  private async more(): Promise<void> {
    try {
      const page = await listRevisions(this.postId, { limit: 50, cursor: this._cursor });
      this._revisions = [...this._revisions, ...page.items];
      this._cursor = page.nextCursor;
      pageAdded('revisions');
    } catch (err) {
      this.fail(err);
    }
  }

  private async compare(updateUrl = true): Promise<void> {
    this._error = '';
    if (this._from === this._to) {
      this._error = msg('history.sameRevision');
      return;
    }
    const [from, to] = this._from < this._to ? [this._from, this._to] : [this._to, this._from];
    try {
      this._diff = await getDiff(this.postId, { from, to });
      if (updateUrl) history.replaceState(history.state, '', `/tips/${this.postId}/history?from=${from}&to=${to}`);
    } catch (err) {
      this.fail(err);
    }
  }

  private async show(n: number): Promise<void> {
    try {
      const rev = await getRevision(this.postId, n);
      const { html: rendered } = await renderPreview(rev.body);
      this._shown = { rev, html: rendered };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#shown-title')?.focus();
    } catch (err) {
      this.fail(err);
    }
  }

  private async restore(n: number): Promise<void> {
    const ok = await confirmAction({
      title: msg('history.restoreTitle', { n }), body: [msg('history.restoreBody', { n })], confirmLabel: msg('history.restore', { n }),
    });
    if (ok === null) return;
    try {
      const latest = this._revisions[0]?.number;
      await restoreRevision(this.postId, n, latest);
      this._status = msg('history.restored', { n });
      navigate(`/tips/${this.postId}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) this._error = msg('history.restoreConflict');
      else this.fail(err);
    }
  }

  private option(r: RevisionSummary, selected: number) {
    return html`<option value=${r.number} ?selected=${r.number === selected}>${msg('history.revision', { n: r.number })} — ${formatDate(r.createdAt, true)}</option>`;
  }

  override render() {
    if (this._notFound) {
      return notFoundView();
    }
    const p = this._post;
    if (!p) return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('common.loading')}</p>`;
    const user = this.session.user;
    const canEdit = mayEdit(user, p);
    const latest = this._revisions[0]?.number;
    return html`
      <p><a href=${link('/tips/', p.id)}>← ${p.title}</a></p>
      <h1>${msg('history.title')}</h1>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="muted" role="status">${this._status}</p>
      <ol aria-label=${msg('history.listLabel')}>
        ${this._revisions.map((r) => html`<li>
          <span class="num">${msg('history.revision', { n: r.number })}</span>
          <span class="grow">${r.title}${r.restoredFrom ? html` <span class="muted">${msg('history.restoredFrom', { n: r.restoredFrom })}</span>` : nothing}
            ${r.number === latest ? html` <span class="muted">${msg('history.current')}</span>` : nothing}</span>
          <span class="who">${r.editor.displayName}・${formatDate(r.createdAt, true)}</span>
          <button class="link" @click=${() => this.show(r.number)}>${msg('history.show', { n: r.number })}</button>
          ${canEdit && r.number !== latest ? html`<button class="link" @click=${() => this.restore(r.number)}>${msg('history.restore', { n: r.number })}</button>` : nothing}
        </li>`)}
      </ol>
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.more()}>${msg('common.more')}</button></p>` : nothing}
      ${this._revisions.length > 1 ? html`
        <h2>${msg('history.compareTitle')}</h2>
        <div class="compare">
          <div><label for="from">${msg('history.from')}</label>
            <select id="from" @change=${(e: Event) => { this._from = Number((e.target as HTMLSelectElement).value); }}>${this._revisions.map((r) => this.option(r, this._from))}</select></div>
          <div><label for="to">${msg('history.to')}</label>
            <select id="to" @change=${(e: Event) => { this._to = Number((e.target as HTMLSelectElement).value); }}>${this._revisions.map((r) => this.option(r, this._to))}</select></div>
          <button class="btn secondary" @click=${() => this.compare()}>${msg('history.compare')}</button>
        </div>
        <kotsu-diff-view .diff=${this._diff}></kotsu-diff-view>` : html`<p class="muted">${msg('history.onlyOne')}</p>`}
      ${this._shown ? html`<section class="shown card" aria-labelledby="shown-title">
        <h2 id="shown-title" tabindex="-1">${msg('history.showing', { n: this._shown.rev.number, title: this._shown.rev.title })}</h2>
        ${this._shown.rev.tags.length ? html`<ul class="tags">${this._shown.rev.tags.map((t) => html`<li><span class="tag">${t}</span></li>`)}</ul>` : nothing}
        <kotsu-markdown .html=${this._shown.html}></kotsu-markdown>
        <p><button class="btn secondary" @click=${() => { this._shown = null; }}>${msg('common.close')}</button></p>
      </section>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-history-page': KotsuHistoryPage;
  }
}
