import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '../i18n/catalogue';
import { KotsuElement } from './kotsu-element';

export interface MonthDatum {
  /** YYYY-MM */
  month: string;
  /** What was added that month (columns). */
  added: number;
  /** The running total at the month's end (line). */
  total: number;
}

const W = 640;
const H = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

/**
 * Columns for what each month added and a line for the running total, drawn as SVG by the
 * app. `role="img"` with a summary; the figures themselves are in the page's table.
 */
@customElement('kotsu-month-chart')
export class KotsuMonthChart extends KotsuElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; font-family: var(--kotsu-font); }
    .axis { font-size: 11px; fill: #545d6e; }
    .grid { stroke: #e3e7ee; }
    .col { fill: #8fb4de; }
    .line { fill: none; stroke: #0b5cad; stroke-width: 2.5; }
    .dot { fill: #0b5cad; }
  `;

  @property({ attribute: false }) items: MonthDatum[] = [];
  @property() summary = '';
  /** Formats an axis value (e.g. minutes as hours). */
  @property({ attribute: false }) format: (n: number) => string = (n) => String(n);

  override render() {
    if (this.items.length === 0) return nothing;
    const max = Math.max(...this.items.map((d) => Math.max(d.added, d.total)), 1);
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const step = plotW / this.items.length;
    const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
    const ticks = [0, 0.5, 1].map((f) => f * max);
    const points = this.items.map((d, i) => `${PAD.left + step * (i + 0.5)},${y(d.total)}`).join(' ');
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${this.summary}>
      ${ticks.map((v) => svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)}></line>
        <text class="axis" x=${PAD.left - 6} y=${y(v) + 4} text-anchor="end">${this.format(v)}</text>`)}
      ${this.items.map((d, i) => svg`<g>
        <title>${d.month}: +${this.format(d.added)} / ${this.format(d.total)}</title>
        <rect class="col" x=${PAD.left + step * i + step * 0.2} y=${y(d.added)} width=${step * 0.6} height=${PAD.top + plotH - y(d.added)}></rect>
        <text class="axis" x=${PAD.left + step * (i + 0.5)} y=${H - 8} text-anchor="middle">${msg('chart.month', { m: Number(d.month.slice(5)) })}</text>
      </g>`)}
      <polyline class="line" points=${points}></polyline>
      ${this.items.map((d, i) => svg`<circle class="dot" cx=${PAD.left + step * (i + 0.5)} cy=${y(d.total)} r="3"></circle>`)}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-month-chart': KotsuMonthChart;
  }
}
