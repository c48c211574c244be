import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { getOtherDepartments, getRankings, type OtherDepartments, type RankingItem } from '../data/popularity';
import { listPosts } from '../data/posts';
import type { PostSummary } from '../data/types';
import { formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';
import { errorMessage } from '../i18n/error-message';

/**
 * Home page widgets: trending tips, this week's ranking and tips popular in other departments.
 * Each loads on its own, so one failing does not blank the others.
 */
@customElement('kotsu-home-popularity')
export class KotsuHomePopularity extends KotsuElement {
  static override styles = [sharedStyles, css`
    section { margin-bottom: 1.5rem; }
    h2 { margin-top: 0; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
    li { display: grid; grid-template-columns: 2.2rem minmax(0, 1fr); gap: 0.4rem; align-items: baseline; }
    .rank { font-weight: 700; color: var(--kotsu-muted); text-align: right; }
    .title { word-break: break-word; }
    .sub { display: block; color: var(--kotsu-muted); font-size: 0.8125rem; }
  `];

  @state() private _trending: PostSummary[] | null = null;
  @state() private _week: RankingItem[] | null = null;
  @state() private _others: OtherDepartments | null = null;
  @state() private _errors: Record<'trending' | 'week' | 'others', string> = { trending: '', week: '', others: '' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const fail = (key: 'trending' | 'week' | 'others') => (err: unknown) => {
      this._errors = { ...this._errors, [key]: errorMessage(err) };
    };
    await Promise.all([
      listPosts({ sort: 'trending', limit: 5 }).then((p) => { this._trending = p.items; }, fail('trending')),
      getRankings({ period: 'week', limit: 5 }).then((r) => { this._week = r.items; }, fail('week')),
      getOtherDepartments({ limit: 5 }).then((o) => { this._others = o; }, fail('others')),
    ]);
  }

  private list(rows: { post: PostSummary; sub: string }[] | null, error: string) {
    if (error) return html`<p class="error" role="alert">${error}</p>`;
    if (!rows) return html`<p class="muted">${msg('common.loading')}</p>`;
    if (rows.length === 0) return html`<p class="muted">${msg('common.empty')}</p>`;
    return html`<ol>${rows.map((r, i) => html`<li>
      <span class="rank" aria-hidden="true">${i + 1}</span>
      <span><a class="title" href=${link('/tips/', r.post.id)}>${r.post.title}</a><span class="sub">${r.sub}</span></span>
    </li>`)}</ol>`;
  }

  override render() {
    const views = (n: number) => msg('common.views', { n: formatNumber(n) });
    return html`
      <section aria-labelledby="trending">
        <h2 id="trending">${msg('home.trending')}</h2>
        <p class="muted">${msg('home.trendingHint')}</p>
        ${this.list(this._trending?.map((p) => ({ post: p, sub: `${p.author.department || '—'} · ${msg('common.likes', { n: formatNumber(p.likeCount) })}` })) ?? null, this._errors.trending)}
      </section>
      <section aria-labelledby="week-ranking">
        <h2 id="week-ranking">${msg('home.weekRanking')}</h2>
        ${this.list(this._week?.map((r) => ({ post: r.post, sub: views(r.views) })) ?? null, this._errors.week)}
        <p><a href="/rankings">${msg('home.allRankings')}</a></p>
      </section>
      <section aria-labelledby="other-departments">
        <h2 id="other-departments">${msg('home.otherDepartments')}${this._others?.period === 'month' ? html` <span class="muted">${msg('home.otherDepartmentsMonth')}</span>` : nothing}</h2>
        ${this.list(this._others?.items.map((o) => ({ post: o.post, sub: `${o.department || '—'} · ${views(o.views)}` })) ?? null, this._errors.others)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-home-popularity': KotsuHomePopularity;
  }
}
