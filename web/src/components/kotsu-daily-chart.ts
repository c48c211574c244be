import { css, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ChartElement, ColumnPlot, chartStyles, scaleMax, type ChartDrawing } from './chart-svg';

export interface DailyDatum {
  /** YYYY-MM-DD */
  day: string;
  value: number;
}

const PAD = { left: 40, right: 8, top: 12, bottom: 26 };

/** "M/D" of a YYYY-MM-DD day. */
const short = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

/** One column per day, the first and last day under the axis (see chart-svg.ts). */
@customElement('kotsu-daily-chart')
export class KotsuDailyChart extends ChartElement<DailyDatum> {
  static override styles = [chartStyles, css`
    .axis { stroke: #8a93a3; stroke-width: 1; }
    .grid { stroke: #e3e7ee; stroke-width: 1; }
    .label { font-size: 11px; fill: #545d6e; }
  `];

  protected override draw(items: DailyDatum[]): ChartDrawing {
    const p = new ColumnPlot(this.drawWidth, 180, PAD, scaleMax(items.map((d) => d.value)), items.length);
    const barW = Math.max(p.step * 0.75, 1);
    return { width: p.width, height: p.height, marks: svg`
      ${p.rule(p.y(p.max), 'grid')}
      ${p.rule(p.y(p.max / 2), 'grid')}
      ${p.tick(p.y(p.max), p.max, 'label')}
      ${p.tick(p.baseline, '0', 'label')}
      ${items.map((d, i) => svg`<rect class="bar" x=${p.slot(i) + (p.step - barW) / 2} y=${p.y(d.value)} width=${barW} height=${Math.max(p.baseline - p.y(d.value), 0)}><title>${short(d.day)}: ${d.value}</title></rect>`)}
      ${p.rule(p.baseline, 'axis')}
      <text class="label" x=${PAD.left} y=${p.height - 8}>${short(items[0].day)}</text>
      <text class="label" x=${p.width - PAD.right} y=${p.height - 8} text-anchor="end">${short(items[items.length - 1].day)}</text>
    ` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-daily-chart': KotsuDailyChart;
  }
}
