import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-daily-chart';
import '../components/kotsu-review-list';
import { KotsuElement } from '../components/kotsu-element';
import { getMyStats, type MyStats } from '../data/popularity';
import { formatDate, formatNumber, msg } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

const DAY_CHOICES = [30, 90, 365] as const;

/**
 * /my-tips?days=30&post=ID — how my tips are read: views and likes this month and overall,
 * a chart of views per day (all my tips or one), and the numbers per tip.
 */
@customElement('kotsu-my-tips-page')
export class KotsuMyTipsPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
    .totals .card { padding: 0.75rem 1rem; }
    .totals strong { display: block; font-size: 1.5rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; }
    .controls label { margin-top: 0; }
    .controls select { width: auto; min-width: 10rem; max-width: 100%; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); vertical-align: top; }
    th { background: #f1f4f8; }
    .num { text-align: right; white-space: nowrap; }
    details { margin-top: 0.5rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _stats: MyStats | null = null;
  @state() private _error = '';

  private get days(): number {
    const d = Number(this.query.get('days'));
    return (DAY_CHOICES as readonly number[]).includes(d) ? d : 30;
  }

  private get postId(): number | undefined {
    const id = Number(this.query.get('post'));
    return Number.isInteger(id) && id > 0 ? id : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this._error = '';
    try {
      this._stats = await getMyStats({ days: this.days, postId: this.postId });
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private address(change: { days?: number; post?: number | null }): string {
    const q = new URLSearchParams();
    const days = change.days ?? this.days;
    const post = change.post === undefined ? this.postId : change.post;
    if (days !== 30) q.set('days', String(days));
    if (post) q.set('post', String(post));
    const s = q.toString();
    return s ? `/my-tips?${s}` : '/my-tips';
  }

  override render() {
    const s = this._stats;
    const day = (d: string) => formatDate(`${d}T03:00:00Z`);
    return html`
      <h1>${msg('myTips.title')}</h1>
      <p class="muted">${msg('myTips.intro')}</p>
      <kotsu-review-list></kotsu-review-list>
      ${this._error ? html`<p class="error" role="alert">${this._error} <button class="btn secondary" @click=${() => this.load()}>${msg('common.retry')}</button></p>` : nothing}
      ${!s ? (this._error ? nothing : html`<p class="muted" aria-live="polite">${msg('common.loading')}</p>`) : html`
        <div class="totals">
          <div class="card">${msg('myTips.views')}<strong class="total-views">${formatNumber(s.totals.views)}</strong></div>
          <div class="card">${msg('myTips.viewsThisMonth')}<strong class="month-views">${formatNumber(s.totals.viewsThisMonth)}</strong></div>
          <div class="card">${msg('myTips.likes')}<strong class="total-likes">${formatNumber(s.totals.likes)}</strong></div>
          <div class="card">${msg('myTips.likesThisMonth')}<strong class="month-likes">${formatNumber(s.totals.likesThisMonth)}</strong></div>
          <div class="card">${msg('myTips.viewers')}<strong>${formatNumber(s.totals.uniqueViewers)}</strong></div>
          <div class="card">${msg('myTips.bookmarks')}<strong>${formatNumber(s.totals.bookmarks)}</strong></div>
        </div>

        <h2 id="chart">${msg('myTips.chartTitle')}</h2>
        <div class="controls">
          <div>
            <label for="chart-post">${msg('myTips.chartFor')}</label>
            <select id="chart-post" @change=${(e: Event) => navigate(this.address({ post: Number((e.target as HTMLSelectElement).value) || null }))}>
              <option value="" ?selected=${!this.postId}>${msg('myTips.allTips')}</option>
              ${s.items.map((i) => html`<option value=${i.post.id} ?selected=${i.post.id === this.postId}>${i.post.title}</option>`)}
            </select>
          </div>
          <div>
            <label for="chart-days">${msg('myTips.daysLabel')}</label>
            <select id="chart-days" @change=${(e: Event) => navigate(this.address({ days: Number((e.target as HTMLSelectElement).value) }))}>
              ${DAY_CHOICES.map((d) => html`<option value=${d} ?selected=${d === this.days}>${msg('myTips.days', { n: d })}</option>`)}
            </select>
          </div>
        </div>
        <kotsu-daily-chart .items=${s.daily.map((d) => ({ day: d.day, value: d.views }))}
          summary=${msg('myTips.chartSummary', {
            from: day(s.daily[0].day), to: day(s.daily[s.daily.length - 1].day),
            total: formatNumber(s.daily.reduce((n, d) => n + d.views, 0)), max: formatNumber(Math.max(0, ...s.daily.map((d) => d.views))),
          })}></kotsu-daily-chart>
        <details><summary>${msg('myTips.dailyTable')}</summary>
          <div class="scroll"><table>
            <thead><tr><th scope="col">${msg('myTips.day')}</th><th class="num" scope="col">${msg('myTips.views')}</th></tr></thead>
            <tbody>${s.daily.map((d) => html`<tr><td>${day(d.day)}</td><td class="num">${formatNumber(d.views)}</td></tr>`)}</tbody>
          </table></div>
        </details>

        <h2 id="per-tip">${msg('myTips.tableTitle')}</h2>
        ${s.items.length === 0 ? html`<p class="muted">${msg('myTips.empty')}</p>` : html`<div class="scroll"><table aria-labelledby="per-tip">
          <thead><tr>
            <th scope="col">${msg('myTips.tip')}</th>
            <th class="num" scope="col">${msg('myTips.views')}</th><th class="num" scope="col">${msg('myTips.viewsThisMonth')}</th>
            <th class="num" scope="col">${msg('myTips.viewers')}</th>
            <th class="num" scope="col">${msg('myTips.likes')}</th><th class="num" scope="col">${msg('myTips.likesThisMonth')}</th>
            <th class="num" scope="col">${msg('myTips.bookmarks')}</th>
          </tr></thead>
          <tbody>${s.items.map((i) => html`<tr>
            <td><a href=${link('/tips/', i.post.id)}>${i.post.title}</a>${i.post.status === 'hidden' ? html` <span class="muted">${msg('myTips.hidden')}</span>` : nothing}</td>
            <td class="num">${formatNumber(i.views)}</td><td class="num">${formatNumber(i.viewsThisMonth)}</td>
            <td class="num">${formatNumber(i.uniqueViewers)}</td>
            <td class="num">${formatNumber(i.likes)}</td><td class="num">${formatNumber(i.likesThisMonth)}</td>
            <td class="num">${formatNumber(i.bookmarks)}</td>
          </tr>`)}</tbody>
        </table></div>`}
      `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-my-tips-page': KotsuMyTipsPage;
  }
}
