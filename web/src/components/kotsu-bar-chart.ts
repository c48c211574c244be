import { css, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ChartElement, chartStyles, extent, scaleMax, type ChartDrawing } from './chart-svg';

export interface BarDatum {
  label: string;
  value: number;
  /** The value as people should read it (e.g. "12.5 時間/月"). */
  display: string;
}

const ROW = 28;
const LABEL_W = 150;
const WIDTH = 640;
const VALUE_W = 110;

const clip = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);

/** A horizontal bar chart, one row per item with its label and value (see chart-svg.ts). */
@customElement('kotsu-bar-chart')
export class KotsuBarChart extends ChartElement<BarDatum> {
  static override styles = [chartStyles, css`
    .label { font-size: 12px; fill: #1d2330; }
    .value { font-size: 12px; fill: #545d6e; }
  `];

  protected override draw(items: BarDatum[]): ChartDrawing {
    const max = scaleMax(items.map((d) => d.value));
    const plot = WIDTH - LABEL_W - VALUE_W;
    return { width: WIDTH, height: items.length * ROW + 8, marks: svg`${items.map((d, i) => {
      const y = 4 + i * ROW;
      const w = Math.max(extent(d.value, max, plot), d.value > 0 ? 2 : 0);
      return svg`<g>
        <title>${d.label}: ${d.display}</title>
        <text class="label" x=${LABEL_W - 8} y=${y + 17} text-anchor="end">${clip(d.label)}</text>
        <rect class="bar" x=${LABEL_W} y=${y + 4} width=${w} height=${ROW - 10} rx="3"></rect>
        <text class="value" x=${LABEL_W + w + 6} y=${y + 17}>${d.display}</text>
      </g>`;
    })}` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-bar-chart': KotsuBarChart;
  }
}
