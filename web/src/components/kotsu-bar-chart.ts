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
const FONT = 12;

/** A label cut to about what fits in `px` at the chart's font size (a CJK character is ~1 em). */
const clip = (s: string, px: number) => {
  const max = Math.max(4, Math.floor(px / FONT));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/**
 * A horizontal bar chart, one row per item with its label and value (see chart-svg.ts); the
 * label and value columns narrow with the drawing's width.
 */
@customElement('kotsu-bar-chart')
export class KotsuBarChart extends ChartElement<BarDatum> {
  static override styles = [chartStyles, css`
    .label { font-size: ${FONT}px; fill: #1d2330; }
    .value { font-size: ${FONT}px; fill: #545d6e; }
  `];

  protected override draw(items: BarDatum[]): ChartDrawing {
    const width = this.drawWidth;
    const labelW = Math.min(150, Math.round(width * 0.34));
    const valueW = Math.min(110, Math.round(width * 0.28));
    const max = scaleMax(items.map((d) => d.value));
    const plot = width - labelW - valueW;
    return { width, height: items.length * ROW + 8, marks: svg`${items.map((d, i) => {
      const y = 4 + i * ROW;
      const w = Math.max(extent(d.value, max, plot), d.value > 0 ? 2 : 0);
      return svg`<g>
        <title>${d.label}: ${d.display}</title>
        <text class="label" x=${labelW - 8} y=${y + 17} text-anchor="end">${clip(d.label, labelW - 8)}</text>
        <rect class="bar" x=${labelW} y=${y + 4} width=${w} height=${ROW - 10} rx="3"></rect>
        <text class="value" x=${labelW + w + 6} y=${y + 17}>${d.display}</text>
      </g>`;
    })}` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-bar-chart': KotsuBarChart;
  }
}
