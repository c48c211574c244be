import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-award-badges';
import { KotsuElement } from '../components/kotsu-element';
import { getDepartmentLeaderboard, getRankings, RANKING_PERIODS, type DepartmentLeaderboard, type Ranking, type RankingPeriod } from '../data/popularity';
import { listTags } from '../data/tags';
import type { TagCount } from '../data/types';
import { formatDate, formatNumber, msg, type MessageKey } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';
import { pageAdded, withPagesShown } from '../router/shown-pages';

const PERIOD_LABEL: Record<RankingPeriod, MessageKey> = {
  week: 'rankings.period.week', month: 'rankings.period.month', year: 'rankings.period.year', all: 'rankings.period.all',
};

const PAGE = 20;

/**
 * /rankings?period=week|month|year|all&tag=…&department=… — most viewed tips in a period, optionally
 * of one tag or of any department (`mine=1`, the older address, means the reader's own), paged
 * with "もっと見る", and the department leaderboard for the same period. The switches are links,
 * so a ranking can be shared by its address.
 */
@customElement('kotsu-rankings-page')
export class KotsuRankingsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .switches { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; margin-bottom: 1rem; }
    .periods { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .periods a[aria-current='page'] { background: var(--kotsu-primary); color: #fff; }
    .field label { margin-top: 0; }
    .field select { width: auto; min-width: 12rem; }
    .mine { display: flex; align-items: center; gap: 0.4rem; font-weight: 400; margin: 0; min-height: 40px; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    li { display: grid; grid-template-columns: 3.2rem minmax(0, 1fr); gap: 0.75rem; background: var(--kotsu-surface);
      border: 1px solid var(--kotsu-border); border-radius: var(--kotsu-radius); padding: 0.75rem 1rem; }
    .rank { font-size: 1.25rem; font-weight: 700; color: var(--kotsu-primary); text-align: right; }
    .title { font-weight: 700; word-break: break-word; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; color: var(--kotsu-muted); font-size: 0.8125rem; margin-top: 0.2rem; }
    .meta strong { color: var(--kotsu-text); }
    .more { margin-top: 0.75rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); vertical-align: top; }
    th { background: #f1f4f8; }
    .num { text-align: right; white-space: nowrap; }
    /* Names stay on one line and headings keep a readable width; a narrow screen scrolls the table in its box. */
    .leaderboard tbody th { white-space: nowrap; font-weight: 400; }
    .leaderboard thead th { min-width: 5.5em; white-space: normal; }
    @media (max-width: 480px) { .field, .field select { width: 100%; min-width: 0; } }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _ranking: Ranking | null = null;
  @state() private _tags: TagCount[] = [];
  @state() private _leaderboard: DepartmentLeaderboard | null = null;
  @state() private _loadingMore = false;
  @state() private _error = '';
  private readonly session = new SessionController(this);

  private get period(): RankingPeriod {
    const p = this.query.get('period');
    return RANKING_PERIODS.includes(p as RankingPeriod) ? (p as RankingPeriod) : 'week';
  }

  private get tag(): string {
    return this.query.get('tag') ?? '';
  }

  /** The department filter: `department=…`, or the reader's own with the older `mine=1`. */
  private get department(): string {
    const d = this.query.get('department');
    if (d) return d;
    return this.query.get('mine') === '1' ? this.session.user?.department ?? '' : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this._error = '';
    const department = this.department || undefined;
    try {
      const [ranking, tags, leaderboard] = await Promise.all([
        getRankings({ period: this.period, tag: this.tag || undefined, department, limit: PAGE })
          .then((first) => withPagesShown('ranking', first, (cursor) => getRankings({ period: this.period, tag: this.tag || undefined, department, limit: PAGE, cursor }))),
        listTags({ limit: 50 }),
        getDepartmentLeaderboard(this.period),
      ]);
      this._ranking = ranking;
      this._tags = tags.items;
      this._leaderboard = leaderboard;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  /** The next page of the ranking, added under the tips already shown. */
  private async more(): Promise<void> {
    const r = this._ranking;
    if (!r?.nextCursor || this._loadingMore) return;
    this._loadingMore = true;
    try {
      const next = await getRankings({ period: this.period, tag: this.tag || undefined, department: this.department || undefined,
        limit: PAGE, cursor: r.nextCursor });
      this._ranking = { ...next, items: [...r.items, ...next.items] };
      pageAdded('ranking');
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loadingMore = false;
    }
  }

  private address(change: { period?: RankingPeriod; tag?: string; department?: string }): string {
    const q = new URLSearchParams();
    const period = change.period ?? this.period;
    const tag = change.tag ?? this.tag;
    const department = change.department ?? this.department;
    if (period !== 'week') q.set('period', period);
    if (tag) q.set('tag', tag);
    if (department) q.set('department', department);
    const s = q.toString();
    return s ? `/rankings?${s}` : '/rankings';
  }

  private range(r: Ranking): string {
    // from/to are Japan days; noon JST keeps formatDate (Asia/Tokyo) on the same day.
    const day = (d: string) => formatDate(`${d}T03:00:00Z`);
    return r.from ? msg('rankings.range', { from: day(r.from), to: day(r.to) }) : msg('rankings.rangeAll');
  }

  override render() {
    const r = this._ranking;
    const own = this.session.user?.department ?? '';
    const chosen = this.department;
    const departments = (this._leaderboard?.items ?? []).map((d) => d.department);
    if (own && !departments.includes(own)) departments.push(own);
    if (chosen && !departments.includes(chosen)) departments.push(chosen);
    departments.sort((a, b) => (a === own ? -1 : b === own ? 1 : a.localeCompare(b, 'ja')));
    const active = (this._leaderboard?.items ?? []).filter((d) => d.views + d.tips + d.adoptionsReceived + d.adoptionsReported > 0);
    const tagNames = this._tags.map((t) => t.name);
    if (this.tag && !tagNames.includes(this.tag)) tagNames.unshift(this.tag);
    return html`
      <h1>${msg('rankings.title')}</h1>
      <p class="muted">${msg('rankings.intro')}</p>
      <div class="switches">
        <nav class="periods" aria-label=${msg('rankings.periodLabel')}>${RANKING_PERIODS.map((p) => html`<a class="btn secondary"
          href=${this.address({ period: p })} aria-current=${p === this.period ? 'page' : 'false'}>${msg(PERIOD_LABEL[p])}</a>`)}</nav>
        <div class="field">
          <label for="tag">${msg('rankings.tagLabel')}</label>
          <select id="tag" @change=${(e: Event) => navigate(this.address({ tag: (e.target as HTMLSelectElement).value }))}>
            <option value="" ?selected=${!this.tag}>${msg('rankings.allTags')}</option>
            ${tagNames.map((name) => html`<option value=${name} ?selected=${name === this.tag}>${name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="department">${msg('rankings.departmentLabel')}</label>
          <select id="department" @change=${(e: Event) => navigate(this.address({ department: (e.target as HTMLSelectElement).value }))}>
            <option value="" ?selected=${!chosen}>${msg('rankings.allDepartments')}</option>
            ${departments.map((d) => html`<option value=${d} ?selected=${d === chosen}>${d === own ? msg('rankings.ownDepartment', { department: d }) : d}</option>`)}
          </select>
        </div>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error} <button class="btn secondary" @click=${() => this.load()}>${msg('common.retry')}</button></p>` : nothing}
      ${!r ? (this._error ? nothing : html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>`) : html`
        <p class="muted range">${this.range(r)}</p>
        ${r.items.length === 0 ? html`<p class="muted">${msg('rankings.empty')}</p>` : html`<ol aria-label=${msg('rankings.title')}>
          ${r.items.map((item) => html`<li>
            <span class="rank">${msg('rankings.rank', { n: item.rank })}</span>
            <div>
              <a class="title" href=${link('/tips/', item.post.id)}>${item.post.title}</a>
              <kotsu-award-badges .awards=${item.post.awards}></kotsu-award-badges>
              ${item.post.tags.length ? html`<ul class="tags" aria-label=${msg('tip.tags')}>${item.post.tags.map((t) => html`<li style="display:contents"><a class="tag" href=${link('/tags/', t)}>${t}</a></li>`)}</ul>` : nothing}
              <div class="meta">
                <a href=${link('/users/', item.post.author.username)}>${msg('tip.by', { name: item.post.author.displayName, department: item.post.author.department || '—' })}</a>
                <strong class="views">${msg('rankings.views', { n: formatNumber(item.views) })}</strong>
                <span>${msg('common.likes', { n: formatNumber(item.likes) })}</span>
              </div>
            </div>
          </li>`)}
        </ol>
        <div class="more">${r.nextCursor
          ? html`<button class="btn secondary" type="button" ?disabled=${this._loadingMore} @click=${() => this.more()}>${msg('rankings.more')}</button>`
          : html`<span class="muted ranking-end">${msg('rankings.end', { n: r.items.length })}</span>`}</div>`}

        <h2 id="departments">${msg('rankings.departments')}</h2>
        <p class="muted">${msg('rankings.departmentsIntro')}</p>
        ${active.length === 0 ? html`<p class="muted">${msg('rankings.dept.empty')}</p>` : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="departments">
          <table class="leaderboard" aria-labelledby="departments">
            <thead><tr><th scope="col">${msg('rankings.dept.name')}</th><th class="num" scope="col">${msg('rankings.dept.views')}</th>
              <th class="num" scope="col">${msg('rankings.dept.tips')}</th><th class="num" scope="col">${msg('rankings.dept.received')}</th>
              <th class="num" scope="col">${msg('rankings.dept.reported')}</th></tr></thead>
            <tbody>${active.map((d) => html`<tr>
              <th scope="row"><a href=${this.address({ department: d.department })}>${d.department}</a></th>
              <td class="num">${formatNumber(d.views)}</td><td class="num">${formatNumber(d.tips)}</td>
              <td class="num">${formatNumber(d.adoptionsReceived)}</td><td class="num">${formatNumber(d.adoptionsReported)}</td></tr>`)}</tbody>
          </table></div>`}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-rankings-page': KotsuRankingsPage;
  }
}
