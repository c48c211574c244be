import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HomePage } from '../data/pages';
import type { PostSummary } from '../data/types';
import { formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

type Box = 'trending' | 'week' | 'others' | 'popular';
interface Row { post: PostSummary; sub: string; rank: number }

/** Tips per box; the home page answer brings more candidates so later boxes can skip tips shown above (server/pages/service.ts HOME). */
const SHOWN = 5;

/**
 * Home page widgets: this week's ranking, trending tips, tips popular in other departments and
 * the most read of all time. A tip shows in one box only (issue 18: not the same five tips
 * three times): the week's ranking keeps its true top five, then each following box skips
 * tips already shown and takes the next ones. All four come from the home page's one answer.
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

  /** The home page's one answer (GET /api/pages/home); null while it loads. */
  @property({ attribute: false }) page: Pick<HomePage, 'trending' | 'weekRanking' | 'otherDepartments' | 'popular'> | null = null;

  /**
   * The rows of each box, in the order boxes get first pick: the week's ranking keeps its true
   * top five, then each following box skips tips already shown and takes the next ones.
   */
  private boxes(): Record<Box, Row[] | null> {
    const page = this.page;
    if (!page) return { week: null, trending: null, others: null, popular: null };
    const views = (n: number) => msg('common.views', { n: formatNumber(n) });
    const candidates: [Box, Row[]][] = [
      ['week', page.weekRanking.items.map((r) => ({ post: r.post, sub: views(r.views), rank: r.rank }))],
      ['trending', page.trending.map((p, i) => ({ post: p, sub: `${p.author.department || '—'} · ${msg('common.likes', { n: formatNumber(p.likeCount) })}`, rank: i + 1 }))],
      ['others', page.otherDepartments.items.map((o, i) => ({ post: o.post, sub: `${o.department || '—'} · ${views(o.views)}`, rank: i + 1 }))],
      ['popular', page.popular.map((p, i) => ({ post: p, sub: views(p.viewCount), rank: i + 1 }))],
    ];
    const shown = new Set<number>();
    const out = {} as Record<Box, Row[] | null>;
    for (const [box, rows] of candidates) {
      const mine = (box === 'week' ? rows : rows.filter((r) => !shown.has(r.post.id))).slice(0, SHOWN);
      mine.forEach((r) => shown.add(r.post.id));
      out[box] = box === 'week' ? mine : mine.map((r, i) => ({ ...r, rank: i + 1 }));
    }
    return out;
  }

  private list(rows: Row[] | null, hadAny: boolean) {
    if (!rows) return html`<p class="muted">${msg('common.loading')}</p>`;
    if (rows.length === 0) return html`<p class="muted">${msg(hadAny ? 'home.allShownAbove' : 'common.empty')}</p>`;
    return html`<ol>${rows.map((r) => html`<li>
      <span class="rank" aria-hidden="true">${r.rank}</span>
      <span><a class="title" href=${link('/tips/', r.post.id)}>${r.post.title}</a><span class="sub">${r.sub}</span></span>
    </li>`)}</ol>`;
  }

  override render() {
    const b = this.boxes();
    return html`
      <section aria-labelledby="trending">
        <h2 id="trending">${msg('home.trending')}</h2>
        <p class="muted">${msg('home.trendingHint')}</p>
        ${this.list(b.trending, (this.page?.trending.length ?? 0) > 0)}
      </section>
      <section aria-labelledby="week-ranking">
        <h2 id="week-ranking">${msg('home.weekRanking')}</h2>
        ${this.list(b.week, false)}
        <p><a href="/rankings">${msg('home.allRankings')}</a></p>
      </section>
      <section aria-labelledby="other-departments">
        <h2 id="other-departments">${msg('home.otherDepartments')}${this.page?.otherDepartments.period === 'month' ? html` <span class="muted">${msg('home.otherDepartmentsMonth')}</span>` : nothing}</h2>
        ${this.list(b.others, (this.page?.otherDepartments.items.length ?? 0) > 0)}
      </section>
      <section aria-labelledby="popular">
        <h2 id="popular">${msg('home.popular')}</h2>
        ${this.list(b.popular, (this.page?.popular.length ?? 0) > 0)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-home-popularity': KotsuHomePopularity;
  }
}
