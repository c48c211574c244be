import { css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { KotsuElement } from './kotsu-element';

// What the app's SVG charts share (no chart library, nothing fetched); not an element itself.

const CHART_MAX_WIDTH = 640;
const CHART_MIN_WIDTH = 240;

export interface ChartDrawing { width: number; height: number; marks: SVGTemplateResult }

/**
 * Base of `kotsu-bar-chart`, `kotsu-daily-chart` and `kotsu-month-chart`: one `role="img"`
 * picture labelled with its summary. The pages give the same figures as a table, so
 * screen-reader users get the numbers, not the drawing.
 */
export abstract class ChartElement<T> extends KotsuElement {
  @property({ attribute: false }) items: T[] = [];
  /** Accessible summary of what the chart shows. */
  @property() summary = '';
  /**
   * The drawing's width: the element's own width in CSS pixels (240 to 640), so text drawn at
   * 11–12 px stays that size on a phone. A fixed 640-wide viewBox scaled down to 360 px put every
   * label at about 6 px.
   */
  @state() protected drawWidth = CHART_MAX_WIDTH;
  private readonly _resize = new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width ?? 0;
    if (w > 0) this.drawWidth = Math.max(CHART_MIN_WIDTH, Math.min(CHART_MAX_WIDTH, Math.floor(w)));
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
  }

  override disconnectedCallback(): void {
    this._resize.disconnect();
    super.disconnectedCallback();
  }

  /** The drawing's size and marks; only called when there is at least one item. */
  protected abstract draw(items: T[]): ChartDrawing;

  override render() {
    if (this.items.length === 0) return nothing;
    const { width, height, marks } = this.draw(this.items);
    return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${this.summary}>${marks}</svg>`;
  }
}

/** Styles of every chart; each adds the colours of its own marks. */
export const chartStyles = css`
  :host { display: block; }
  svg { width: 100%; height: auto; font-family: var(--kotsu-font); }
  .bar { fill: #0b5cad; }
`;

/** The top of a value scale: the largest value, at least 1 so that all zeros still draw. */
export const scaleMax = (values: number[]): number => Math.max(...values, 1);

/** Length for `v` on a scale where `max` takes `length`. */
export const extent = (v: number, max: number, length: number): number => (v / max) * length;

/** One column slot per item under a vertical value scale from 0 (`baseline`) to `max`. */
export class ColumnPlot {
  readonly plotH: number;
  readonly step: number;
  readonly baseline: number;

  constructor(readonly width: number, readonly height: number,
    readonly pad: { left: number; right: number; top: number; bottom: number }, readonly max: number, count: number) {
    this.plotH = height - pad.top - pad.bottom;
    this.step = (width - pad.left - pad.right) / count;
    this.baseline = pad.top + this.plotH;
  }

  y(v: number): number { return this.pad.top + this.plotH - extent(v, this.max, this.plotH); }
  /** Left edge of item `i`'s slot. */
  slot(i: number): number { return this.pad.left + i * this.step; }
  center(i: number): number { return this.pad.left + this.step * (i + 0.5); }

  /** A horizontal line across the plot. */
  rule(y: number, cls: string): SVGTemplateResult {
    return svg`<line class=${cls} x1=${this.pad.left} x2=${this.width - this.pad.right} y1=${y} y2=${y}></line>`;
  }

  /** A value label left of the plot, level with `y`. */
  tick(y: number, text: string | number, cls: string): SVGTemplateResult {
    return svg`<text class=${cls} x=${this.pad.left - 6} y=${y + 4} text-anchor="end">${text}</text>`;
  }
}
