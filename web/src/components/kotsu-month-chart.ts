import { css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg } from '../i18n/catalogue';
import { ChartElement, ColumnPlot, chartStyles, scaleMax, type ChartDrawing } from './chart-svg';

export interface MonthDatum {
  /** YYYY-MM */
  month: string;
  /** What was added that month (columns). */
  added: number;
  /** The running total at the month's end (line). */
  total: number;
}

const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

/** Columns for what each month added and a line for the running total (see chart-svg.ts). */
@customElement('kotsu-month-chart')
export class KotsuMonthChart extends ChartElement<MonthDatum> {
  static override styles = [chartStyles, css`
    .axis { font-size: 11px; fill: #545d6e; }
    .grid { stroke: #e3e7ee; }
    .col { fill: #8fb4de; }
    .line { fill: none; stroke: #0b5cad; stroke-width: 2.5; }
    .dot { fill: #0b5cad; }
  `];

  /** Formats an axis value (e.g. minutes as hours). */
  @property({ attribute: false }) format: (n: number) => string = (n) => String(n);

  protected override draw(items: MonthDatum[]): ChartDrawing {
    const p = new ColumnPlot(this.drawWidth, 240, PAD, scaleMax(items.map((d) => Math.max(d.added, d.total))), items.length);
    const points = items.map((d, i) => `${p.center(i)},${p.y(d.total)}`).join(' ');
    return { width: p.width, height: p.height, marks: svg`
      ${[0, 0.5, 1].map((f) => f * p.max).map((v) => svg`${p.rule(p.y(v), 'grid')}${p.tick(p.y(v), this.format(v), 'axis')}`)}
      ${items.map((d, i) => svg`<g>
        <title>${d.month}: +${this.format(d.added)} / ${this.format(d.total)}</title>
        <rect class="col" x=${p.slot(i) + p.step * 0.2} y=${p.y(d.added)} width=${p.step * 0.6} height=${p.baseline - p.y(d.added)}></rect>
        <text class="axis" x=${p.center(i)} y=${p.height - 8} text-anchor="middle">${msg('chart.month', { m: Number(d.month.slice(5)) })}</text>
      </g>`)}
      <polyline class="line" points=${points}></polyline>
      ${items.map((d, i) => svg`<circle class="dot" cx=${p.center(i)} cy=${p.y(d.total)} r="3"></circle>`)}
    ` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-month-chart': KotsuMonthChart;
  }
}
