// <data-chart>: a line or bar chart drawn by uPlot (small, dependency-free, canvas; no eval and no inline style
// attributes, so it runs offline under a strict CSP). Every chart also carries its numbers as a table (for screen
// readers and as the fallback where canvas is unavailable), and series differ by dash and marker, not only colour.
import { LitElement, css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour: string;
  /** Dashed line (second series) so the series differ without colour. */
  dash?: boolean;
}

export interface ChartLine { value: number; label: string }

const canDraw = (() => {
  try { return typeof document !== 'undefined' && !!document.createElement('canvas').getContext('2d'); } catch { return false; }
})();

@customElement('data-chart')
export class DataChart extends LitElement {
  static override styles = [unsafeCSS(uPlotCss), css`
    :host { display: block; color: #e9eef4; min-width: 0; overflow: hidden; }
    figure { margin: 0; }
    figcaption { font-size: 0.95rem; margin-bottom: 0.25rem; color: #b8c4d2; }
    .plot { width: 100%; min-height: 10rem; }
    .u-legend { color: #e9eef4; font-size: 0.85rem; }
    .u-legend .u-marker { border-width: 2px; }
    details { font-size: 0.85rem; color: #b8c4d2; margin-top: 0.25rem; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.1rem 0.6rem 0.1rem 0; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    /* Light: on paper (the printable report). */
    :host([theme='light']) { color: #111; }
    :host([theme='light']) figcaption, :host([theme='light']) details { color: #333; }
    :host([theme='light']) .u-legend { color: #111; }
    /* On paper: a closed "Numbers" would print as a lone heading (the report prints its numbers as tables), and the
       plot, drawn for the screen's width, is scaled to the page's instead of being cut off. */
    @media print {
      details { display: none; }
      .uplot, .u-wrap { width: 100% !important; height: auto !important; }
      .u-wrap canvas { display: block; width: 100% !important; height: auto !important; }
      .u-over, .u-under { display: none; }
    }
  `];

  @property() kind: 'line' | 'bars' = 'line';
  @property() caption = '';
  @property({ attribute: 'x-label' }) xLabel = '';
  @property({ attribute: 'y-label' }) yLabel = '';
  @property({ attribute: false }) x: number[] = [];
  @property({ attribute: false }) series: ChartSeries[] = [];
  /** Horizontal reference lines, e.g. the flag threshold. */
  @property({ attribute: false }) lines: ChartLine[] = [];
  /** Pixel height of the plot area. */
  @property({ type: Number }) height = 180;
  /** Format of x values in the table. */
  @property({ attribute: false }) formatX: (x: number) => string = (x) => String(x);
  /** x values are Unix seconds: the axis shows dates. */
  @property({ type: Boolean, attribute: 'time-x' }) timeX = false;
  /** 'light' for paper (dark text and grid on white), 'dark' on the app's dark screens. */
  @property({ reflect: true }) theme: 'dark' | 'light' = 'dark';

  private plot: uPlot | null = null;
  private resizeObs: ResizeObserver | null = null;

  override render() {
    return html`<figure role="group" aria-label=${this.caption}>
      ${this.caption ? html`<figcaption>${this.caption}</figcaption>` : nothing}
      ${canDraw ? html`<div class="plot" aria-hidden="true"></div>` : nothing}
      <details ?open=${!canDraw}>
        <summary>Numbers</summary>
        <table>
          <thead><tr><th scope="col">${this.xLabel}</th>${this.series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
          <tbody>${this.tableRows().map((i) => html`<tr><td>${this.formatX(this.x[i]!)}</td>${this.series.map((s) => html`<td>${fmt(s.values[i])}</td>`)}</tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
  }

  /** At most ~60 rows in the table: long series are sampled evenly. */
  private tableRows(): number[] {
    const n = this.x.length;
    const step = Math.max(1, Math.ceil(n / 60));
    const rows: number[] = [];
    for (let i = 0; i < n; i += step) rows.push(i);
    return rows;
  }

  protected override updated(changed: PropertyValues): void {
    if (!canDraw) return;
    if (changed.has('x') || changed.has('series') || changed.has('kind') || changed.has('lines') || changed.has('theme') || !this.plot) this.build();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObs = new ResizeObserver(() => this.resize());
      this.resizeObs.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObs?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private width(): number {
    return Math.max(200, Math.floor(this.getBoundingClientRect().width) || 320);
  }

  private resize(): void {
    if (this.plot && Math.abs(this.plot.width - this.width()) > 2) this.plot.setSize({ width: this.width(), height: this.height });
  }

  private build(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!target) return;
    this.plot?.destroy();
    this.plot = null;
    if (this.x.length === 0) return;
    const bars = this.kind === 'bars';
    // Counted x (rep 1, 2, 3): one tick per value, no 1.5.
    const integerX = !this.timeX && this.x.length <= 30 && this.x.every((v) => Number.isInteger(v));
    const light = this.theme === 'light';
    const axis = { stroke: light ? '#222' : '#b8c4d2', grid: { stroke: light ? '#d5d9de' : '#2c3642', width: 1 }, ticks: { stroke: light ? '#999' : '#2c3642' } };
    const refLines = this.lines;
    const opts: uPlot.Options = {
      width: this.width(),
      height: this.height,
      scales: { y: { range: (_u, min, max) => uPlot.rangeNum(min, max, 0.2, true) }, x: {
        time: this.timeX,
        // Bars need half a slot of room at each end; a day axis with one point needs a span to draw it in.
        ...(bars ? { range: (_u, min, max) => [min - 0.6, max + 0.6] as uPlot.Range.MinMax }
          : this.timeX ? { auto: false, range: [Math.min(...this.x) - 86_400, Math.max(...this.x) + 86_400] as uPlot.Range.MinMax } : {}),
      } },
      axes: [
        { ...axis, label: this.xLabel, ...(integerX ? { splits: () => this.x } : {}),
          // Day axis: one tick per day with data, shown as a date.
          ...(this.timeX ? { splits: () => this.x, values: (_u: uPlot, vs: number[]) => vs.map((v) => new Date(v * 1000).toLocaleDateString()), space: 70 } : {}) },
        // Ticks every ~20 px so a small plot still shows a scale, on a range padded out to round numbers.
        { ...axis, label: this.yLabel, space: 20 },
      ],
      legend: { show: this.series.length > 1 || refLines.length > 0, live: false },
      cursor: { show: false },
      series: [
        { label: this.xLabel },
        ...this.series.map((s, i) => ({
          label: s.label,
          stroke: s.colour,
          width: 2,
          dash: s.dash ? [8, 5] : undefined,
          fill: bars ? s.colour + '99' : undefined,
          paths: bars ? uPlot.paths.bars!({ size: [0.6 / Math.max(1, this.series.length), 60], align: 0, gap: 0 }) : undefined,
          points: { show: !bars && this.x.length < 40, size: 6 },
        })),
        ...refLines.map((l) => ({ label: l.label, stroke: '#ff6b6b', width: 1.5, dash: [3, 4], points: { show: false } })),
      ],
    };
    const data: uPlot.AlignedData = [
      this.x,
      ...this.series.map((s) => s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v))),
      ...refLines.map((l) => this.x.map(() => l.value)),
    ];
    this.plot = new uPlot(opts, data, target);
  }
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(1));

declare global {
  interface HTMLElementTagNameMap { 'data-chart': DataChart }
}
