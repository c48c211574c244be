import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KotsuElement } from '../components/kotsu-element';
import {
  getQueue, listReports, mergeTags, renameTag, resolveReport, restorePost, type QueueGroup, type Report, type ReportReason, type Resolution,
} from '../data/moderation';
import { formatDate, msg, type MessageKey } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { confirmAction } from '../components/kotsu-confirm-dialog';
import { pageAdded, withPagesShown } from '../router/shown-pages';
import { charactersOver, lengthNotice, LIMITS } from '../shared/length-limit';

type Tab = 'open' | 'resolved' | 'tags';

const REASON_LABEL: Record<ReportReason, MessageKey> = {
  spam: 'report.reason.spam',
  incorrect: 'report.reason.incorrect',
  outdated: 'report.reason.outdated',
  inappropriate: 'report.reason.inappropriate',
  other: 'report.reason.other',
};
const RESOLUTION_LABEL: Record<Resolution, MessageKey> = { dismiss: 'queue.resolution.dismiss', hide: 'queue.resolution.hide' };

/**
 * The moderators' review queue at /admin/moderation: open reports grouped by tip (most reported
 * first) to dismiss or hide with a note; resolved reports with their decision (and restore);
 * and tag merge / rename.
 */
@customElement('kotsu-moderation-page')
export class KotsuModerationPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0; margin: 0 0 1rem; border-bottom: 1px solid var(--kotsu-border); }
    nav a { display: inline-block; padding: 0.4rem 0.1rem; text-decoration: none; border-bottom: 3px solid transparent; }
    nav a[aria-current='page'] { border-bottom-color: var(--kotsu-primary); font-weight: 700; }
    .groups { display: grid; gap: 1rem; list-style: none; padding: 0; margin: 0; }
    .card h2 { margin: 0 0 0.25rem; font-size: 1.1rem; word-break: break-word; }
    .badge { display: inline-block; padding: 0 0.5rem; border-radius: 4px; background: #fdecea; color: var(--kotsu-danger); font-size: 0.8125rem; font-weight: 700; margin-left: 0.4rem; }
    .reasons { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; margin: 0.5rem 0; }
    .reasons li { background: #fff7e0; border: 1px solid #e6c66e; border-radius: 999px; padding: 0 0.6rem; font-size: 0.8125rem; }
    .reports { list-style: none; padding: 0; margin: 0.5rem 0; display: grid; gap: 0.4rem; }
    .reports li { border-left: 3px solid var(--kotsu-border); padding: 0.1rem 0.75rem; }
    .who { font-size: 0.875rem; color: var(--kotsu-muted); }
    .comment { margin: 0.15rem 0 0; white-space: pre-wrap; word-break: break-word; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
    form.card { margin-bottom: 1rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _groups: QueueGroup[] | null = null;
  @state() private _cursor: string | null = null;
  @state() private _counts = { reports: 0, posts: 0 };
  @state() private _resolved: Report[] | null = null;
  @state() private _notes: Record<number, string> = {};
  @state() private _status = '';
  @state() private _error = '';
  @state() private _merge = { from: '', into: '' };
  @state() private _rename = { from: '', to: '' };

  private get tab(): Tab {
    const t = this.query.get('tab');
    return t === 'resolved' || t === 'tags' ? t : 'open';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(err: unknown): void {
    this._error = errorMessage(err);
  }

  private async load(more = false): Promise<void> {
    this._error = '';
    try {
      if (this.tab === 'open') {
        const page = more ? await getQueue(this._cursor) : await withPagesShown('queue', await getQueue(null), getQueue);
        this._groups = more ? [...(this._groups ?? []), ...page.items] : page.items;
        this._cursor = page.nextCursor;
        if (more) pageAdded('queue');
        this._counts = { reports: page.openReports, posts: page.openPosts };
      } else if (this.tab === 'resolved') {
        const resolved = (cursor: string | null) => listReports('resolved', cursor);
        const page = more ? await resolved(this._cursor) : await withPagesShown('resolved', await resolved(null), resolved);
        this._resolved = more ? [...(this._resolved ?? []), ...page.items] : page.items;
        this._cursor = page.nextCursor;
        if (more) pageAdded('resolved');
      }
    } catch (err) {
      this.fail(err);
    }
  }

  /** Each decision asks first and says what it does to the tip and its author (issue 18). */
  private async resolve(group: QueueGroup, action: Resolution): Promise<void> {
    this._error = '';
    this._status = '';
    const title = group.post.title;
    const note = this._notes[group.post.id]?.trim() || undefined;
    if (note && charactersOver(note, LIMITS.resolveNote)) return;
    const done = await confirmAction({
      title: msg(action === 'hide' ? 'queue.hideTitle' : 'queue.dismissTitle', { title }),
      // Deciding on reports about one's own tip is a conflict of interest: the dialog says so first.
      body: [...(group.ownTip ? [msg('queue.ownTipConfirm', { title })] : []), msg(action === 'hide' ? 'queue.hideBody' : 'queue.dismissBody', { title })],
      confirmLabel: msg(action === 'hide' ? 'queue.hide' : 'queue.dismiss'), danger: action === 'hide',
      action: async () => { await resolveReport(group.reports[0].id, action, note); },
    });
    if (done === null) return;
    this._groups = (this._groups ?? []).filter((g) => g.post.id !== group.post.id);
    this._counts = { reports: this._counts.reports - group.openCount, posts: this._counts.posts - 1 };
    this._status = msg(action === 'hide' ? 'queue.hiddenDone' : 'queue.dismissedDone', { title });
  }

  private async restore(report: Report): Promise<void> {
    this._error = '';
    this._status = '';
    let post = null as Awaited<ReturnType<typeof restorePost>> | null;
    const done = await confirmAction({
      title: msg('queue.restoreTitle', { title: report.post.title }), body: [msg('queue.restoreBody')], confirmLabel: msg('mod.restore'),
      action: async () => { post = await restorePost(report.post.id); },
    });
    if (done === null || !post) return;
    const restored = post;
    this._resolved = (this._resolved ?? []).map((r) => (r.post.id === restored.id ? { ...r, post: { ...r.post, status: restored.status } } : r));
    this._status = msg('queue.restoredDone', { title: restored.title });
  }

  private async submitMerge(e: Event): Promise<void> {
    e.preventDefault();
    this._error = '';
    this._status = '';
    const from = this._merge.from.split(/[,、，]/).map((s) => s.trim()).filter(Boolean);
    const into = this._merge.into.trim();
    let merged = null as Awaited<ReturnType<typeof mergeTags>> | null;
    const done = await confirmAction({
      title: msg('tags.mergeConfirmTitle'), body: [msg('tags.mergeConfirmBody', { from: from.map((t) => `「${t}」`).join(''), into })],
      confirmLabel: msg('tags.merge'), danger: true,
      action: async () => { merged = await mergeTags(from, into); },
    });
    if (done === null || !merged) return;
    const tag = merged;
    this._status = msg('tags.merged', { name: tag.name, count: tag.count });
    this._merge = { from: '', into: '' };
  }

  private async submitRename(e: Event): Promise<void> {
    e.preventDefault();
    this._error = '';
    this._status = '';
    const from = this._rename.from.trim();
    const to = this._rename.to.trim();
    let renamed = null as Awaited<ReturnType<typeof renameTag>> | null;
    const done = await confirmAction({
      title: msg('tags.renameConfirmTitle'), body: [msg('tags.renameConfirmBody', { from, to })], confirmLabel: msg('tags.rename'),
      action: async () => { renamed = await renameTag(from, to); },
    });
    if (done === null || !renamed) return;
    const tag = renamed;
    this._status = msg('tags.renamed', { name: tag.name });
    this._rename = { from: '', to: '' };
  }

  private renderGroup(g: QueueGroup) {
    const noteId = `note-${g.post.id}`;
    return html`<li class="card" aria-labelledby=${`group-${g.post.id}`}>
      <h2 id=${`group-${g.post.id}`}><a href=${link('/tips/', g.post.id)}>${g.post.title}</a>${g.post.status === 'hidden'
        ? html`<span class="badge">${msg('queue.postHidden')}</span>` : nothing}</h2>
      <p class="who">${msg('tip.by', { name: g.post.author.displayName, department: g.post.author.department || '—' })}
        · ${msg('queue.count', { n: g.openCount })}</p>
      ${g.ownTip ? html`<p class="notice own-tip" role="note">${msg('queue.ownTip')}</p>` : nothing}
      <ul class="reasons" aria-label=${msg('report.reason')}>
        ${g.reasons.map((r) => html`<li>${msg(REASON_LABEL[r.reason])} × ${r.count}</li>`)}
      </ul>
      <ul class="reports" aria-label=${msg('queue.reportsOf', { title: g.post.title })}>
        ${g.reports.map((r) => html`<li>
          <span class="who">${msg(REASON_LABEL[r.reason])} · ${r.reporter ? `${r.reporter.displayName}（${r.reporter.department || '—'}）` : msg('queue.reporterHidden')} · ${msg('queue.reported', { date: formatDate(r.createdAt, true) })}</span>
          <p class="comment">${r.comment || msg('queue.noComment')}</p>
        </li>`)}
      </ul>
      <label for=${noteId}>${msg('queue.note')}</label>
      <textarea id=${noteId} rows="2" .value=${this._notes[g.post.id] ?? ''}
        @input=${(e: Event) => { this._notes = { ...this._notes, [g.post.id]: (e.target as HTMLTextAreaElement).value }; }}></textarea>
      ${lengthNotice((this._notes[g.post.id] ?? '').trim(), LIMITS.resolveNote)}
      <div class="buttons">
        <button class="btn secondary" aria-haspopup="dialog" @click=${() => this.resolve(g, 'dismiss')}>${msg('queue.dismiss')}</button>
        <button class="btn danger" aria-haspopup="dialog" @click=${() => this.resolve(g, 'hide')}>${msg('queue.hide')}</button>
      </div>
    </li>`;
  }

  private renderOpen() {
    if (this._groups === null) return html`<p class="muted">${msg('common.loading')}</p>`;
    return html`
      <p class="muted">${msg('queue.summary', { reports: this._counts.reports, posts: this._counts.posts })}</p>
      ${this._groups.length === 0 ? html`<p>${msg('queue.empty')}</p>` : html`<ul class="groups">${this._groups.map((g) => this.renderGroup(g))}</ul>`}
      ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`;
  }

  private renderResolved() {
    if (this._resolved === null) return html`<p class="muted">${msg('common.loading')}</p>`;
    if (this._resolved.length === 0) return html`<p class="muted">${msg('common.empty')}</p>`;
    return html`<ul class="groups">${this._resolved.map((r) => html`<li class="card">
      <h2><a href=${link('/tips/', r.post.id)}>${r.post.title}</a>${r.post.status === 'hidden' ? html`<span class="badge">${msg('queue.postHidden')}</span>` : nothing}</h2>
      <p class="who">${msg(REASON_LABEL[r.reason])} · ${r.reporter ? r.reporter.displayName : msg('queue.reporterHidden')} · ${msg('queue.reported', { date: formatDate(r.createdAt, true) })}</p>
      <p class="comment">${r.comment || msg('queue.noComment')}</p>
      <p class="who">${msg('queue.resolvedBy', {
        name: r.resolvedBy?.displayName ?? '—', date: r.resolvedAt ? formatDate(r.resolvedAt, true) : '—',
        resolution: r.resolution ? msg(RESOLUTION_LABEL[r.resolution]) : '—' })}</p>
      ${r.note ? html`<p class="comment">${r.note}</p>` : nothing}
      ${r.post.status === 'hidden' ? html`<div class="buttons"><button class="btn secondary" @click=${() => this.restore(r)}>${msg('mod.restore')}</button></div>` : nothing}
    </li>`)}</ul>
    ${this._cursor ? html`<p><button class="btn secondary" @click=${() => this.load(true)}>${msg('common.more')}</button></p>` : nothing}`;
  }

  private renderTags() {
    return html`
      <form class="card" @submit=${(e: Event) => this.submitMerge(e)}>
        <h2>${msg('tags.mergeTitle')}</h2>
        <p class="muted">${msg('tags.mergeHelp')}</p>
        <label for="merge-from">${msg('tags.mergeFrom')}</label>
        <input id="merge-from" type="text" required .value=${this._merge.from} @input=${(e: Event) => { this._merge = { ...this._merge, from: (e.target as HTMLInputElement).value }; }}>
        <label for="merge-into">${msg('tags.mergeInto')}</label>
        <input id="merge-into" type="text" required maxlength="40" .value=${this._merge.into} @input=${(e: Event) => { this._merge = { ...this._merge, into: (e.target as HTMLInputElement).value }; }}>
        <div class="buttons"><button class="btn" type="submit">${msg('tags.merge')}</button></div>
      </form>
      <form class="card" @submit=${(e: Event) => this.submitRename(e)}>
        <h2>${msg('tags.renameTitle')}</h2>
        <label for="rename-from">${msg('tags.renameFrom')}</label>
        <input id="rename-from" type="text" required .value=${this._rename.from} @input=${(e: Event) => { this._rename = { ...this._rename, from: (e.target as HTMLInputElement).value }; }}>
        <label for="rename-to">${msg('tags.renameTo')}</label>
        <input id="rename-to" type="text" required maxlength="40" .value=${this._rename.to} @input=${(e: Event) => { this._rename = { ...this._rename, to: (e.target as HTMLInputElement).value }; }}>
        <div class="buttons"><button class="btn" type="submit">${msg('tags.rename')}</button></div>
      </form>`;
  }

  override render() {
    const tab = this.tab;
    const tabLink = (t: Tab, label: MessageKey) =>
      html`<li><a href=${t === 'open' ? '/admin/moderation' : `/admin/moderation?tab=${t}`} aria-current=${tab === t ? 'page' : 'false'}>${msg(label)}</a></li>`;
    return html`
      <h1>${msg('queue.title')}</h1>
      <nav aria-label=${msg('queue.title')}><ul>
        ${tabLink('open', 'queue.tabOpen')}${tabLink('resolved', 'queue.tabResolved')}${tabLink('tags', 'queue.tabTags')}
      </ul></nav>
      <div role="status" aria-live="polite">${this._status ? html`<p class="notice">${this._status}</p>` : nothing}</div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${tab === 'open' ? this.renderOpen() : tab === 'resolved' ? this.renderResolved() : this.renderTags()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-moderation-page': KotsuModerationPage;
  }
}
