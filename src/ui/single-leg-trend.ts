// <single-leg-trend>: the single-leg stand test over time, per leg: mean pelvic drop and hold time by test, as two
// charts (with their numbers as tables). Used in History (dark) and in the printable report (light, on paper).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LegResult, SingleLegPoint } from '../programme/progress';
import { SIDE_COLOURS } from './theme';
import './data-chart';

/** Print-safe colours for the two legs (dark enough on paper); the right leg's line is also dashed. */
const PAPER_SIDE = { left: '#b35f00', right: '#006d99' } as const;
const dayX = (day: string) => Date.parse(`${day}T12:00:00`) / 1000;
const shortDay = (v: number) => new Date(v * 1000).toLocaleDateString();

@customElement('single-leg-trend')
export class SingleLegTrend extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0.75rem; }
  `;

  @property({ attribute: false }) points: readonly SingleLegPoint[] = [];
  @property() theme: 'dark' | 'light' = 'dark';
  /** Plot height, px. */
  @property({ type: Number }) height = 180;

  override render() {
    const x = this.points.map((p) => dayX(p.day));
    const colours = this.theme === 'light' ? PAPER_SIDE : SIDE_COLOURS;
    const series = (pick: (l: LegResult) => number | null) => (['left', 'right'] as const).map((side, i) => ({
      label: `${side} leg`, values: this.points.map((p) => (p[side] ? pick(p[side]!) : null)), colour: colours[side], dash: i === 1,
    }));
    return html`
      <data-chart theme=${this.theme} kind="line" time-x height=${this.height} caption="Single-leg test: mean pelvic drop per leg (°, + = lifted side lower)" x-label="Day" y-label="°"
        .x=${x} .formatX=${shortDay} .series=${series((l) => l.meanDropDeg)} data-testid="chart-drop"></data-chart>
      <data-chart theme=${this.theme} kind="line" time-x height=${this.height} caption="Single-leg test: hold time per leg (s)" x-label="Day" y-label="s"
        .x=${x} .formatX=${shortDay} .series=${series((l) => l.holdMs / 1000)} data-testid="chart-hold"></data-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'single-leg-trend': SingleLegTrend }
}
