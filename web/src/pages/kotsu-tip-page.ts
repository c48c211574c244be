import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-comments';
import '../components/kotsu-freshness-notice';
import '../components/kotsu-markdown';
import '../components/kotsu-related-tips';
import '../components/kotsu-tip-moderation';
import '../components/kotsu-tip-awards';
import '../components/kotsu-award-badges';
import '../components/kotsu-tip-impact';
import '../components/kotsu-tip-reactions';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { KotsuElement } from '../components/kotsu-element';
import { getTipPage, type TipPage } from '../data/pages';
import { deletePost, recordView } from '../data/posts';
import type { Post } from '../data/types';
import { formatDate, formatNumber, msg } from '../i18n/catalogue';
import { link, navigate, setPageTitle } from '../router/router';
import { hasRole, mayEdit, SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { copyText } from '../shared/clipboard';
import { isNotFound, notFoundView } from '../shared/not-found';

/** The address to share: this server's own origin, the tip's page without query or fragment. */
const tipUrl = (id: number) => `${location.origin}/tips/${id}`;

/** A view counts only once the tip has been on screen this long (prefetch and previews don't). */
const VIEW_AFTER_MS = 1500;

/**
 * A tip: rendered body, tags, author with department, dates and views, reactions, DX賞, impact,
 * moderation and comments — all from one request (GET /api/pages/tips/:id); records the view
 * with one small request once the tip has been read for a moment.
 */
@customElement('kotsu-tip-page')
export class KotsuTipPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    article { background: var(--kotsu-surface); border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 1.25rem 1.5rem; }
    @media (max-width: 480px) { article { padding: 1rem; } }
    h1 { word-break: break-word; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; color: var(--kotsu-muted); font-size: 0.875rem; margin-bottom: 0.5rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0 0; }
    .body { margin-top: 1.25rem; }
    .link-button { background: none; border: 0; padding: 0; font: inherit; color: var(--kotsu-primary); text-decoration: underline; cursor: pointer; }
    .link-button.done { color: #1e4d17; text-decoration: none; }
    .copy-link { min-width: 11em; text-align: left; }
    .print-url { display: none; }
    /* Printing a tip: the tip alone, with its address at the end (the app's header and menus hide themselves). */
    @media print {
      article { border: 0; padding: 0; }
      .actions, .copy-link, kotsu-tip-reactions, kotsu-tip-awards, kotsu-tip-impact, kotsu-tip-moderation, kotsu-comments, .notice { display: none; }
      .print-url { display: block; margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid #999; font-size: 0.8125rem; color: #000; word-break: break-all; }
    }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _post: Post | null = null;
  @state() private _page: TipPage | null = null;
  @state() private _error = '';
  @state() private _notFound = false;
  @state() private _linkStatus = '';
  @state() private _linkCopied = false;
  private _linkTimer = 0;
  private readonly session = new SessionController(this);
  private _viewTimer = 0;
  private _observer: IntersectionObserver | null = null;

  constructor() {
    super();
    // Every part that changes the tip says so with this event; the page keeps the one copy.
    this.addEventListener('kotsu-post-changed', (e) => { this._post = e.detail.post; });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    window.clearTimeout(this._viewTimer);
    window.clearTimeout(this._linkTimer);
    this._observer?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    super.disconnectedCallback();
  }

  private get postId(): number {
    return Number(this.params.id);
  }

  private async load(): Promise<void> {
    if (!Number.isInteger(this.postId) || this.postId < 1) {
      this._notFound = true;
      return;
    }
    try {
      this._page = await getTipPage(this.postId);
      this._post = this._page.post;
      setPageTitle(this._post.title);
      await this.updateComplete;
      this.watchVisibility();
    } catch (err) {
      if (isNotFound(err)) this._notFound = true;
      else this._error = errorMessage(err);
    }
  }

  private readonly onVisibility = () => { this.armViewTimer(); };
  private _onScreen = false;

  /** Counts the view once the article is on screen in a visible tab for a moment. */
  private watchVisibility(): void {
    const article = this.renderRoot.querySelector('article');
    if (!article) return;
    this._observer = new IntersectionObserver((entries) => {
      this._onScreen = entries.some((e) => e.isIntersecting);
      this.armViewTimer();
    });
    this._observer.observe(article);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  private armViewTimer(): void {
    window.clearTimeout(this._viewTimer);
    if (!this._onScreen || document.visibilityState !== 'visible' || !this._post) return;
    this._viewTimer = window.setTimeout(() => { void this.sendView(); }, VIEW_AFTER_MS);
  }

  private async sendView(): Promise<void> {
    this._observer?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (!this._post) return;
    try {
      // Both counts the page shows: 閲覧 N by the title and 「N 人が閲覧」 under the tip.
      const { viewCount, uniqueViewers } = await recordView(this._post.id);
      this._post = { ...this._post, viewCount, viewerCount: uniqueViewers };
    } catch {
      // A lost view is not worth bothering the reader with.
    }
  }

  private async onCopyLink(id: number): Promise<void> {
    const ok = await copyText(tipUrl(id));
    this._linkCopied = ok;
    this._linkStatus = ok ? msg('reading.linkCopied') : msg('reading.copyFailed');
    window.clearTimeout(this._linkTimer);
    this._linkTimer = window.setTimeout(() => { this._linkCopied = false; this._linkStatus = ''; }, 2000);
  }

  private async onDelete(): Promise<void> {
    const post = this._post;
    if (!post) return;
    const ok = await confirmAction({
      title: msg('tip.deleteTitle'), body: [msg('tip.deleteBody', { title: post.title })], confirmLabel: msg('tip.delete'), danger: true,
    });
    if (ok === null || !this._post) return;
    try {
      await deletePost(this._post.id);
      navigate('/');
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  override render() {
    if (this._notFound) {
      return notFoundView();
    }
    const p = this._post;
    const page = this._page;
    if (!p || !page) {
      return this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>`;
    }
    const user = this.session.user;
    const canEdit = mayEdit(user, p);
    const canDelete = user !== null && (user.id === p.author.id || hasRole(user, 'admin'));
    return html`
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${p.status === 'hidden' ? html`<p class="notice" role="status"><strong>${msg('tip.hidden')}</strong>
        ${p.hiddenReason ? html` ${msg('tip.hiddenReason', { reason: p.hiddenReason })}` : nothing}</p>` : nothing}
      ${p.status === 'draft' ? html`<p class="notice" role="status">${msg('tip.draftNotice')} <a href=${`/tips/${p.id}/edit`}>${msg('tip.continueDraft')}</a></p>` : nothing}
      <kotsu-freshness-notice .post=${p}></kotsu-freshness-notice>
      <article aria-labelledby="tip-title">
        <h1 id="tip-title">${p.title}</h1>
        ${p.awards?.length ? html`<div class="title-awards"><kotsu-award-badges .awards=${p.awards}></kotsu-award-badges></div>` : nothing}
        <div class="meta">
          <a href=${link('/users/', p.author.username)}>${msg('tip.by', { name: p.author.displayName, department: p.author.department || '—' })}</a>
          <span>${msg('tip.created', { date: formatDate(p.createdAt, true) })}</span>
          ${p.updatedAt !== p.createdAt ? html`<span>${msg('tip.updated', { date: formatDate(p.updatedAt, true) })}</span>` : nothing}
          <span class="views">${msg('common.views', { n: formatNumber(p.viewCount) })}</span>
          <span>${msg('common.likes', { n: formatNumber(p.likeCount) })}</span>
          ${p.status !== 'draft' ? html`<a href=${`/tips/${p.id}/history`}>${msg('tip.history')}</a>` : nothing}
          <button type="button" class=${`link-button copy-link${this._linkCopied ? ' done' : ''}`} @click=${() => this.onCopyLink(p.id)}>${this._linkCopied ? msg('reading.linkCopied') : msg('reading.copyLink')}</button>
          <span class="visually-hidden" role="status">${this._linkStatus}</span>
        </div>
        ${p.tags.length ? html`<ul class="tags" aria-label=${msg('tip.tags')}>${p.tags.map((t) => html`<li><a class="tag" href=${link('/tags/', t)}>${t}</a></li>`)}</ul>` : nothing}
        <div class="body"><kotsu-markdown toc .html=${p.html}></kotsu-markdown></div>
        ${canEdit || canDelete ? html`<div class="actions">
          ${canEdit ? html`<a class="btn secondary" href=${`/tips/${p.id}/edit`}>${msg('tip.edit')}</a>` : nothing}
          ${canDelete ? html`<button class="btn danger" @click=${() => this.onDelete()}>${msg('tip.delete')}</button>` : nothing}
        </div>` : nothing}
        <p class="print-url">${msg('reading.printUrl', { url: tipUrl(p.id) })}</p>
      </article>
      <kotsu-tip-reactions .post=${p}></kotsu-tip-reactions>
      <kotsu-tip-awards .post=${p} .nominations=${page.nominations} .rounds=${page.nominatingRounds}></kotsu-tip-awards>
      <kotsu-tip-impact .post=${p} .adoptions=${page.adoptions}></kotsu-tip-impact>
      <kotsu-tip-moderation .post=${p} .reportPending=${page.reportPending}></kotsu-tip-moderation>
      ${p.status === 'published' ? html`<kotsu-related-tips .items=${page.related}></kotsu-related-tips>` : nothing}
      ${p.status !== 'draft' ? html`<kotsu-comments post-id=${p.id} .first=${page.comments} ?can-comment=${p.status === 'published'}></kotsu-comments>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-tip-page': KotsuTipPage;
  }
}
