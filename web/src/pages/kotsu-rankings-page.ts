import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-award-badges';
import { KotsuElement } from '../components/kotsu-element';
import { getRankings, RANKING_PERIODS, type Ranking, type RankingPeriod } from '../data/popularity';
import { listTags } from '../data/tags';
import type { TagCount } from '../data/types';
import { formatDate, formatNumber, msg, type MessageKey } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { SessionController } from '../state/session';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

const PERIOD_LABEL: Record<RankingPeriod, MessageKey> = {
  week: 'rankings.period.week', month: 'rankings.period.month', year: 'rankings.period.year', all: 'rankings.period.all',
};

/**
 * /rankings?period=week|month|year|all&tag=…&mine=1 — most viewed tips in a period, optionally
 * of one tag or of the reader's own department. The switches are links, so a ranking can be
 * shared by its address.
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
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _ranking: Ranking | null = null;
  @state() private _tags: TagCount[] = [];
  @state() private _error = '';
  private readonly session = new SessionController(this);

  private get period(): RankingPeriod {
    const p = this.query.get('period');
    return RANKING_PERIODS.includes(p as RankingPeriod) ? (p as RankingPeriod) : 'week';
  }

  private get tag(): string {
    return this.query.get('tag') ?? '';
  }

  private get mine(): boolean {
    return this.query.get('mine') === '1';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this._error = '';
    const department = this.mine ? this.session.user?.department || undefined : undefined;
    try {
      const [ranking, tags] = await Promise.all([
        getRankings({ period: this.period, tag: this.tag || undefined, department, limit: 50 }),
        listTags({ limit: 50 }),
      ]);
      this._ranking = ranking;
      this._tags = tags.items;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private address(change: { period?: RankingPeriod; tag?: string; mine?: boolean }): string {
    const q = new URLSearchParams();
    const period = change.period ?? this.period;
    const tag = change.tag ?? this.tag;
    const mine = change.mine ?? this.mine;
    if (period !== 'week') q.set('period', period);
    if (tag) q.set('tag', tag);
    if (mine) q.set('mine', '1');
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
    const department = this.session.user?.department ?? '';
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
        ${department ? html`<label class="mine"><input type="checkbox" ?checked=${this.mine}
          @change=${(e: Event) => navigate(this.address({ mine: (e.target as HTMLInputElement).checked }))}>
          ${msg('rankings.myDepartment', { department })}</label>` : nothing}
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
        </ol>`}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-rankings-page': KotsuRankingsPage;
  }
}
