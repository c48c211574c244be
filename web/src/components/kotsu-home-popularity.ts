import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HomePage } from '../data/pages';
import type { PostSummary } from '../data/types';
import { formatNumber, msg } from '../i18n/catalogue';
import { link } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { KotsuElement } from './kotsu-element';

/**
 * Home page widgets: trending tips, this week's ranking and tips popular in other departments,
 * from the home page's one answer.
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

  @property({ attribute: false }) page: Pick<HomePage, 'trending' | 'weekRanking' | 'otherDepartments'> | null = null;

  private list(rows: { post: PostSummary; sub: string }[] | null) {
    if (!rows) return html`<p class="muted">${msg('common.loading')}</p>`;
    if (rows.length === 0) return html`<p class="muted">${msg('common.empty')}</p>`;
    return html`<ol>${rows.map((r, i) => html`<li>
      <span class="rank" aria-hidden="true">${i + 1}</span>
      <span><a class="title" href=${link('/tips/', r.post.id)}>${r.post.title}</a><span class="sub">${r.sub}</span></span>
    </li>`)}</ol>`;
  }

  override render() {
    const views = (n: number) => msg('common.views', { n: formatNumber(n) });
    const page = this.page;
    return html`
      <section aria-labelledby="trending">
        <h2 id="trending">${msg('home.trending')}</h2>
        <p class="muted">${msg('home.trendingHint')}</p>
        ${this.list(page?.trending.map((p) => ({ post: p, sub: `${p.author.department || '—'} · ${msg('common.likes', { n: formatNumber(p.likeCount) })}` })) ?? null)}
      </section>
      <section aria-labelledby="week-ranking">
        <h2 id="week-ranking">${msg('home.weekRanking')}</h2>
        ${this.list(page?.weekRanking.items.map((r) => ({ post: r.post, sub: views(r.views) })) ?? null)}
        <p><a href="/rankings">${msg('home.allRankings')}</a></p>
      </section>
      <section aria-labelledby="other-departments">
        <h2 id="other-departments">${msg('home.otherDepartments')}${page?.otherDepartments.period === 'month' ? html` <span class="muted">${msg('home.otherDepartmentsMonth')}</span>` : nothing}</h2>
        ${this.list(page?.otherDepartments.items.map((o) => ({ post: o.post, sub: `${o.department || '—'} · ${views(o.views)}` })) ?? null)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-home-popularity': KotsuHomePopularity;
  }
}
