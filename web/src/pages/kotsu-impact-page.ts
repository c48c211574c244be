import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kotsu-award-badges';
import '../components/kotsu-bar-chart';
import { KotsuElement } from '../components/kotsu-element';
import '../components/kotsu-month-chart';
import { getImpact, impactCsvUrl, toHours, type ImpactReport, type Period } from '../data/impact';
import { formatNumber, msg, type MessageKey } from '../i18n/catalogue';
import { link, navigate } from '../router/router';
import { sharedStyles } from '../styles/shared';
import { errorMessage } from '../i18n/error-message';

const PERIODS: { value: Period; label: MessageKey }[] = [
  { value: 'month', label: 'impact.period.month' }, { value: 'year', label: 'impact.period.year' }, { value: 'all', label: 'impact.period.all' },
  { value: 'fy', label: 'impact.period.fy' },
];

/**
 * /impact — what the tips saved: adoptions ("使ってみた") and hours per month, by department
 * and by tip, with charts drawn as SVG by the app, the last 12 months, and CSV for Excel.
 */
@customElement('kotsu-impact-page')
export class KotsuImpactPage extends KotsuElement {
  static override styles = [sharedStyles, css`
    .switches { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; margin-bottom: 1rem; }
    .periods { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .field label { margin-top: 0; }
    .field select { width: auto; min-width: 9rem; }
    .totals strong { overflow-wrap: anywhere; }
    .periods a[aria-current='page'] { background: var(--kotsu-primary); color: #fff; }
    .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; }
    .totals .card strong { display: block; font-size: 1.6rem; }
    .scroll { overflow-x: auto; }
    table { width: 100%; border-collapse: collapse; background: var(--kotsu-surface); font-size: 0.875rem; margin-top: 0.5rem; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--kotsu-border); vertical-align: top; }
    th { background: #f1f4f8; }
    .num { text-align: right; white-space: nowrap; }
    /* On a phone the tables keep readable columns (no word broken one character per line) and scroll in their box. */
    th.num { white-space: normal; min-width: 6em; }
    td:first-child { min-width: 7em; }
    .tip-cell { min-width: 12em; }
    .dept { min-width: 6em; }
    .downloads { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    details { margin-top: 0.5rem; }
  `];

  @property({ attribute: false }) params: Record<string, string> = {};
  @property({ attribute: false }) query = new URLSearchParams();
  @state() private _report: ImpactReport | null = null;
  @state() private _error = '';

  private get period(): Period {
    const p = this.query.get('period');
    return p === 'month' || p === 'year' || p === 'fy' ? p : 'all';
  }

  /** The fiscal year asked for in the address (period=fy&fy=2026); the server's current one when absent. */
  private get fy(): number | undefined {
    const y = Number(this.query.get('fy'));
    return this.period === 'fy' && Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
  }

  private address(period: Period, fy?: number): string {
    return period === 'fy' && fy !== undefined ? `/impact?period=fy&fy=${fy}` : `/impact?period=${period}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this._report = await getImpact(this.period, this.fy);
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private hours(minutes: number): string {
    return msg('impact.hours', { h: formatNumber(toHours(minutes)) });
  }

  override render() {
    const r = this._report;
    return html`
      <h1>${msg('impact.title')}</h1>
      <p class="muted">${msg('impact.intro')}</p>
      <div class="switches">
      <nav class="periods" aria-label=${msg('impact.periodLabel')}>${PERIODS.map((p) => html`<a class="btn secondary"
        href=${this.address(p.value)} aria-current=${p.value === this.period ? 'page' : 'false'}
        @click=${(e: Event) => { e.preventDefault(); navigate(this.address(p.value)); }}>${msg(p.label)}</a>`)}</nav>
      ${r && this.period === 'fy' ? html`<div class="field"><label for="fy">${msg('impact.fyLabel')}</label>
        <select id="fy" @change=${(e: Event) => navigate(this.address('fy', Number((e.target as HTMLSelectElement).value)))}>
          ${(r.fiscalYear !== null && !r.fiscalYears.includes(r.fiscalYear) ? [r.fiscalYear, ...r.fiscalYears] : r.fiscalYears).map((y) => html`
            <option value=${y} ?selected=${y === r.fiscalYear}>${msg('impact.fy', { y })}</option>`)}
        </select></div>` : nothing}
      </div>
      ${r?.fiscalYear != null ? html`<p class="muted fy-range">${msg('impact.fyRange', { y: r.fiscalYear, next: r.fiscalYear + 1 })}</p>` : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${!r ? (this._error ? nothing : html`<p class="muted">${msg('common.loading')}</p>`) : html`
        <div class="totals">
          <div class="card">${msg('impact.totalAdoptions')}<strong class="total-adoptions">${formatNumber(r.adoptions)}</strong></div>
          <div class="card">${msg('impact.totalSaved')}<strong class="total-hours">${this.hours(r.minutesSavedPerMonth)}</strong></div>
        </div>

        <h2 id="by-dept">${msg('impact.byDepartment')}</h2>
        ${r.byDepartment.length === 0 ? html`<p class="muted">${msg('impact.none')}</p>` : html`
          <kotsu-bar-chart summary=${msg('impact.byDepartmentChart')} .items=${r.byDepartment.map((d) => ({
            label: d.department || msg('impact.noDepartment'), value: d.minutesSavedPerMonth, display: this.hours(d.minutesSavedPerMonth) }))}></kotsu-bar-chart>
          <div class="scroll" tabindex="0" role="region" aria-labelledby="by-dept"><table aria-labelledby="by-dept">
            <thead><tr><th scope="col">${msg('impact.department')}</th><th class="num" scope="col">${msg('impact.adoptions')}</th>
              <th class="num" scope="col">${msg('impact.savedPerMonth')}</th></tr></thead>
            <tbody>${r.byDepartment.map((d) => html`<tr><td>${d.department || msg('impact.noDepartment')}</td>
              <td class="num">${formatNumber(d.adoptions)}</td><td class="num">${this.hours(d.minutesSavedPerMonth)}</td></tr>`)}</tbody>
          </table></div>`}

        <h2 id="by-month">${r.fiscalYear !== null ? msg('impact.byMonthFy', { y: r.fiscalYear }) : msg('impact.byMonth')}</h2>
        ${r.byMonth.every((m) => m.adoptions === 0 && m.cumulativeMinutesSavedPerMonth === 0)
          ? html`<p class="muted empty-chart">${msg('impact.emptyChart')}</p>` : html`
        <kotsu-month-chart summary=${msg('impact.byMonthChart')} .format=${(n: number) => formatNumber(toHours(n))}
          .items=${r.byMonth.map((m) => ({ month: m.month, added: m.minutesSavedPerMonth, total: m.cumulativeMinutesSavedPerMonth }))}></kotsu-month-chart>
        <p class="muted">${msg('impact.byMonthLegend')}</p>
        <details><summary>${msg('impact.byMonthTable')}</summary>
          <div class="scroll" tabindex="0" role="region" aria-label=${msg('impact.byMonthTable')}><table>
            <thead><tr><th scope="col">${msg('impact.month')}</th><th class="num" scope="col">${msg('impact.adoptions')}</th>
              <th class="num" scope="col">${msg('impact.added')}</th><th class="num" scope="col">${msg('impact.cumulative')}</th></tr></thead>
            <tbody>${r.byMonth.map((m) => html`<tr><td>${m.month}</td><td class="num">${formatNumber(m.adoptions)}</td>
              <td class="num">${this.hours(m.minutesSavedPerMonth)}</td><td class="num">${this.hours(m.cumulativeMinutesSavedPerMonth)}</td></tr>`)}</tbody>
          </table></div></details>`}

        <h2 id="top">${msg('impact.topPosts')}</h2>
        ${r.topPosts.length === 0 ? html`<p class="muted">${msg('impact.none')}</p>` : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="top"><table aria-labelledby="top">
          <thead><tr><th scope="col">${msg('impact.tip')}</th><th scope="col">${msg('impact.authorDepartment')}</th>
            <th class="num" scope="col">${msg('impact.adoptions')}</th><th class="num" scope="col">${msg('impact.savedPerMonth')}</th></tr></thead>
          <tbody>${r.topPosts.map((t) => html`<tr>
            <td class="tip-cell"><a href=${link('/tips/', t.post.id)}>${t.post.title}</a> <kotsu-award-badges .awards=${t.post.awards ?? []}></kotsu-award-badges></td>
            <td class="dept">${t.post.author.department || msg('impact.noDepartment')}</td>
            <td class="num">${formatNumber(t.adoptions)}</td><td class="num">${this.hours(t.minutesSavedPerMonth)}</td></tr>`)}</tbody>
        </table></div>`}

        <h2>${msg('impact.download')}</h2>
        <p class="muted">${msg('impact.downloadHint')}</p>
        <div class="downloads">
          <a class="btn secondary" href=${impactCsvUrl(this.period, 'departments', r.fiscalYear ?? undefined)} download>${msg('impact.csvDepartments')}</a>
          <a class="btn secondary" href=${impactCsvUrl(this.period, 'posts', r.fiscalYear ?? undefined)} download>${msg('impact.csvPosts')}</a>
        </div>
      `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-impact-page': KotsuImpactPage;
  }
}
