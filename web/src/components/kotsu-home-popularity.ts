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

type Box = 'trending' | 'week' | 'others' | 'popular';
interface Row { post: PostSummary; sub: string; rank: number }

/** Tips per box, and how many candidates each box asks for so it can still fill up after the boxes before it took theirs. */
const SHOWN = 5;
const CANDIDATES = 20;

/**
 * Home page widgets: this week's ranking, trending tips, tips popular in other departments and
 * the most read of all time. A tip shows in one box only (issue 18: not the same five tips
 * three times): the week's ranking keeps its true top five, then each following box skips
 * tips already shown and takes the next ones. Each loads on its own, so one failing does not
 * blank the others.
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
  @state() private _popular: PostSummary[] | null = null;
  @state() private _errors: Record<Box, string> = { trending: '', week: '', others: '', popular: '' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const fail = (key: Box) => (err: unknown) => {
      this._errors = { ...this._errors, [key]: errorMessage(err) };
    };
    await Promise.all([
      getRankings({ period: 'week', limit: SHOWN }).then((r) => { this._week = r.items; }, fail('week')),
      listPosts({ sort: 'trending', limit: CANDIDATES }).then((p) => { this._trending = p.items; }, fail('trending')),
      getOtherDepartments({ limit: CANDIDATES }).then((o) => { this._others = o; }, fail('others')),
      listPosts({ sort: 'popular', limit: CANDIDATES }).then((p) => { this._popular = p.items; }, fail('popular')),
    ]);
  }

  /**
   * The rows of each box, in the order boxes get first pick. A box waits for the boxes before
   * it (null = still loading), so a tip never shows up twice while lists arrive.
   */
  private boxes(): Record<Box, Row[] | null> {
    const views = (n: number) => msg('common.views', { n: formatNumber(n) });
    const candidates: [Box, Row[] | null][] = [
      ['week', this._week?.map((r) => ({ post: r.post, sub: views(r.views), rank: r.rank })) ?? null],
      ['trending', this._trending?.map((p, i) => ({ post: p, sub: `${p.author.department || '—'} · ${msg('common.likes', { n: formatNumber(p.likeCount) })}`, rank: i + 1 })) ?? null],
      ['others', this._others?.items.map((o, i) => ({ post: o.post, sub: `${o.department || '—'} · ${views(o.views)}`, rank: i + 1 })) ?? null],
      ['popular', this._popular?.map((p, i) => ({ post: p, sub: views(p.viewCount), rank: i + 1 })) ?? null],
    ];
    const shown = new Set<number>();
    const out = {} as Record<Box, Row[] | null>;
    let waiting = false;
    for (const [box, rows] of candidates) {
      // A failed box takes nothing; the ones after it still fill up.
      if (this._errors[box]) { out[box] = []; continue; }
      if (rows === null || waiting) { out[box] = null; waiting = true; continue; }
      const mine = (box === 'week' ? rows : rows.filter((r) => !shown.has(r.post.id))).slice(0, SHOWN);
      mine.forEach((r) => shown.add(r.post.id));
      out[box] = box === 'week' ? mine : mine.map((r, i) => ({ ...r, rank: i + 1 }));
    }
    return out;
  }

  private list(rows: Row[] | null, error: string, hadAny: boolean) {
    if (error) return html`<p class="error" role="alert">${error}</p>`;
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
        ${this.list(b.trending, this._errors.trending, (this._trending?.length ?? 0) > 0)}
      </section>
      <section aria-labelledby="week-ranking">
        <h2 id="week-ranking">${msg('home.weekRanking')}</h2>
        ${this.list(b.week, this._errors.week, false)}
        <p><a href="/rankings">${msg('home.allRankings')}</a></p>
      </section>
      <section aria-labelledby="other-departments">
        <h2 id="other-departments">${msg('home.otherDepartments')}${this._others?.period === 'month' ? html` <span class="muted">${msg('home.otherDepartmentsMonth')}</span>` : nothing}</h2>
        ${this.list(b.others, this._errors.others, (this._others?.items.length ?? 0) > 0)}
      </section>
      <section aria-labelledby="popular">
        <h2 id="popular">${msg('home.popular')}</h2>
        ${this.list(b.popular, this._errors.popular, (this._popular?.length ?? 0) > 0)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-home-popularity': KotsuHomePopularity;
  }
}
