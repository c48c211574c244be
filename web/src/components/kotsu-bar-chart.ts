import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KotsuElement } from './kotsu-element';

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

/**
 * A horizontal bar chart drawn as SVG by the app (no chart library, no external assets).
 * The picture is `role="img"` with a summary label; the same figures are in the page's table,
 * so screen-reader users get the numbers, not the drawing.
 */
@customElement('kotsu-bar-chart')
export class KotsuBarChart extends KotsuElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; font-family: var(--kotsu-font); }
    .label { font-size: 12px; fill: #1d2330; }
    .value { font-size: 12px; fill: #545d6e; }
    .bar { fill: #0b5cad; }
  `;

  @property({ attribute: false }) items: BarDatum[] = [];
  /** Accessible summary of what the chart shows. */
  @property() summary = '';

  override render() {
    if (this.items.length === 0) return nothing;
    const max = Math.max(...this.items.map((d) => d.value), 1);
    const plot = WIDTH - LABEL_W - VALUE_W;
    const height = this.items.length * ROW + 8;
    const clip = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);
    return html`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${this.summary}>
      ${this.items.map((d, i) => {
        const y = 4 + i * ROW;
        const w = Math.max((d.value / max) * plot, d.value > 0 ? 2 : 0);
        return svg`<g>
          <title>${d.label}: ${d.display}</title>
          <text class="label" x=${LABEL_W - 8} y=${y + 17} text-anchor="end">${clip(d.label)}</text>
          <rect class="bar" x=${LABEL_W} y=${y + 4} width=${w} height=${ROW - 10} rx="3"></rect>
          <text class="value" x=${LABEL_W + w + 6} y=${y + 17}>${d.display}</text>
        </g>`;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-bar-chart': KotsuBarChart;
  }
}
