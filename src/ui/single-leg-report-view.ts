// <single-leg-report-view>: the single-leg stand test, left and right side by side: hold time, peak and mean
// pelvic drop, trunk lean, a plain-language verdict and a plot of pelvic obliquity over time per leg.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LegTrial, SingleLegReport } from '../coach/single-leg-report';
import { SCREENING_NOTE, comparisonWords, legVerdict } from '../exercises-content/verdicts';
import { SIDE_COLOURS, baseStyles } from './theme';
import './data-chart';

const deg = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}°`);

@customElement('single-leg-report-view')
export class SingleLegReportView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .legs { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.75rem; }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.15rem 1rem; justify-content: start; font-variant-numeric: tabular-nums; margin: 0.25rem 0; }
    dt { color: #b8c4d2; } dd { margin: 0; font-weight: 700; }
    .verdict { font-weight: 700; font-size: 1.1rem; margin: 0.5rem 0 0.25rem; }
    .note { border-left: 3px solid #7fb8ff; padding-left: 0.6rem; font-size: 0.95rem; }
  `];

  @property({ attribute: false }) report: SingleLegReport | null = null;
  /** Flag threshold (deg) drawn on the plots. */
  @property({ type: Number }) thresholdDeg = 5;

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const cmp = comparisonWords(r);
    return html`<section class="card" aria-labelledby="slr-h" data-testid="single-leg-report">
      <h2 id="slr-h">Single-leg stand test</h2>
      <div class="legs">${(['left', 'right'] as const).map((side) => this.renderLeg(side, r[side]))}</div>
      ${cmp ? html`<p data-testid="comparison">${cmp}</p>` : nothing}
      <p class="note">${SCREENING_NOTE}</p>
      <slot></slot>
    </section>`;
  }

  private renderLeg(side: 'left' | 'right', t: LegTrial | null) {
    if (!t) return html`<div class="card" data-testid="leg-${side}"><h3>Standing on the ${side} leg</h3><p class="muted">Not tested yet.</p></div>`;
    const v = legVerdict(t);
    return html`<div class="card" data-testid="leg-${side}">
      <h3>Standing on the ${side} leg</h3>
      <dl>
        <dt>Hold</dt><dd data-testid="hold-${side}">${(t.holdMs / 1000).toFixed(1)} s / ${(t.targetMs / 1000).toFixed(0)} s</dd>
        <dt>Peak pelvic drop</dt><dd data-testid="peak-${side}">${deg(t.peakDropDeg)}</dd>
        <dt>Mean pelvic drop</dt><dd>${deg(t.meanDropDeg)}</dd>
        <dt>Trunk lean (mean / peak)</dt><dd>${deg(t.meanTrunkLeanDeg)} / ${deg(t.peakTrunkLeanDeg)}</dd>
      </dl>
      <p class="verdict ${t.verdict === 'level' ? 'ok' : t.verdict === 'no-data' ? 'muted' : 'warn'}" data-testid="verdict-${side}"><span aria-hidden="true">${v.icon} </span>${v.headline}</p>
      <p>${v.detail}</p>
      ${t.obliquity ? html`<data-chart kind="line" caption=${`Pelvic drop over time, ${side} leg (°; + = lifted side lower)`}
        x-label="Time (s)" y-label="Pelvic drop (°)" .x=${t.obliquity.tS} .formatX=${(x: number) => x.toFixed(1)}
        .series=${[{ label: `${side} leg`, values: t.obliquity.deg, colour: SIDE_COLOURS[side] }]}
        .lines=${[{ value: this.thresholdDeg, label: `flag ${this.thresholdDeg}° (app default)` }]}></data-chart>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'single-leg-report-view': SingleLegReportView }
}
