import { css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KotsuElement } from './kotsu-element';

export interface DailyDatum {
  /** YYYY-MM-DD */
  day: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 40;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 26;

/**
 * One column per day, drawn as SVG by the app (no chart library, nothing fetched). The picture
 * is `role="img"` with a summary; the page offers the same figures as a table.
 */
@customElement('kotsu-daily-chart')
export class KotsuDailyChart extends KotsuElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; font-family: var(--kotsu-font); }
    .axis { stroke: #8a93a3; stroke-width: 1; }
    .grid { stroke: #e3e7ee; stroke-width: 1; }
    .bar { fill: #0b5cad; }
    .label { font-size: 11px; fill: #545d6e; }
  `;

  @property({ attribute: false }) items: DailyDatum[] = [];
  /** Accessible summary of what the chart shows. */
  @property() summary = '';

  override render() {
    if (this.items.length === 0) return nothing;
    const max = Math.max(...this.items.map((d) => d.value), 1);
    const plotW = WIDTH - LEFT - RIGHT;
    const plotH = HEIGHT - TOP - BOTTOM;
    const step = plotW / this.items.length;
    const barW = Math.max(step * 0.75, 1);
    const y = (v: number) => TOP + plotH - (v / max) * plotH;
    const short = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
    const first = this.items[0].day;
    const last = this.items[this.items.length - 1].day;
    return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this.summary}>
      <line class="grid" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${TOP} y2=${TOP}></line>
      <line class="grid" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${y(max / 2)} y2=${y(max / 2)}></line>
      <text class="label" x=${LEFT - 6} y=${TOP + 4} text-anchor="end">${max}</text>
      <text class="label" x=${LEFT - 6} y=${TOP + plotH + 4} text-anchor="end">0</text>
      ${this.items.map((d, i) => {
        const h = TOP + plotH - y(d.value);
        return svg`<rect class="bar" x=${LEFT + i * step + (step - barW) / 2} y=${y(d.value)} width=${barW} height=${Math.max(h, 0)}><title>${short(d.day)}: ${d.value}</title></rect>`;
      })}
      <line class="axis" x1=${LEFT} x2=${WIDTH - RIGHT} y1=${TOP + plotH} y2=${TOP + plotH}></line>
      <text class="label" x=${LEFT} y=${HEIGHT - 8}>${short(first)}</text>
      <text class="label" x=${WIDTH - RIGHT} y=${HEIGHT - 8} text-anchor="end">${short(last)}</text>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kotsu-daily-chart': KotsuDailyChart;
  }
}
