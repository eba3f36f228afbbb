// <set-summary-view>: after each set: reps, the per-rep main metric as a chart, holds, faults by count, and
// left/right asymmetry. Renders a SetSummary (coach/set-summary.ts); words from exercises-content.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repChart, type Asymmetry, type SetSummary } from '../coach/set-summary';
import { faultName, formatValue, metricLabel, unitOf, signMeaning } from '../exercises-content/words';
import { SIDE_COLOURS, baseStyles } from './theme';
import './data-chart';

/** Angles compare in degrees (a % of a near-zero angle means nothing); counts and times in %. */
function diffText(a: Asymmetry): string {
  if (unitOf(a.metric) === '°') return `${a.diff > 0 ? '+' : a.diff < 0 ? '−' : ''}${Math.abs(a.diff).toFixed(0)}°`;
  return `${a.pct.toFixed(0)} %`;
}

const REASONS: Record<string, string> = { target: 'target reached', 'posture-lost': 'posture lost', 'foot-down': 'foot down', stopped: 'stopped by you', ended: 'held to the end of the set in the video' };

@customElement('set-summary-view')
export class SetSummaryView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .headline { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; }
    .num { font-size: 2.4rem; font-weight: 800; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { text-align: left; padding: 0.25rem 0.5rem 0.25rem 0; border-bottom: 1px solid #2c3642; }
    th.n, td.n { text-align: right; }
    section { max-width: 60rem; }
    data-chart { margin: 0.5rem 0; }
  `];

  @property({ attribute: false }) summary: SetSummary | null = null;
  @property() heading = 'Set summary';
  /** Left/right across the session's sets so far (sided exercises done left then right). */
  @property({ attribute: false }) sessionAsymmetry: Asymmetry[] = [];

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    const chart = repChart(s);
    return html`<section class="card" aria-labelledby="sum-h" data-testid="set-summary">
      <h2 id="sum-h">${this.heading}</h2>
      <div class="headline">
        ${s.repCount > 0 || s.holds.length === 0 ? html`<span><span class="num" data-testid="summary-reps">${s.repCount}</span> reps</span>` : nothing}
        ${s.holds.map((h) => html`<span><span class="num">${(h.elapsedMs / 1000).toFixed(1)}</span> s hold${h.side !== 'both' ? ` (${h.side})` : ''}, ${REASONS[h.reason] ?? h.reason}</span>`)}
        <span class="muted">${(s.durationMs / 1000).toFixed(0)} s${s.side ? ` · ${s.side} side` : ''}</span>
      </div>
      ${chart ? html`<data-chart kind=${chart.series.length === 1 ? 'bars' : 'line'} data-testid="rep-chart"
          caption=${`${metricLabel(chart.metric)} per rep${signMeaning(chart.metric) ? ` (${signMeaning(chart.metric)})` : ''}`} x-label="Rep" y-label=${unitOf(chart.metric) === '°' ? 'degrees' : unitOf(chart.metric)}
          .x=${chart.x} .series=${chart.series.map((c, i) => ({ label: c.side === 'both' ? metricLabel(c.key) : `${c.side}`, values: c.values, colour: SIDE_COLOURS[c.side], dash: i === 1 }))}></data-chart>` : nothing}
      <h3>Faults</h3>
      ${s.faults.length === 0 && s.repFaults.length === 0
        ? html`<p class="ok" data-testid="no-faults">✓ No form faults flagged.</p>`
        : html`<table data-testid="fault-table"><thead><tr><th scope="col">Fault</th><th scope="col" class="n">Times flagged</th><th scope="col" class="n">Reps with it</th></tr></thead>
          <tbody>${s.faults.map((f) => html`<tr><td>⚠ ${faultName(f.code, f.side)}</td><td class="n">${f.count}</td>
            <td class="n">${s.repFaults.find((r) => r.code === f.code)?.count ?? '–'}</td></tr>`)}
          ${s.repFaults.filter((r) => !s.faults.some((f) => f.code === r.code)).map((r) => html`<tr><td>⚠ ${faultName(r.code)}</td><td class="n">–</td><td class="n">${r.count}</td></tr>`)}
          </tbody></table>`}
      ${s.asymmetry.length ? html`<h3>Left / right</h3>${this.asymTable(s.asymmetry, 'asymmetry')}` : nothing}
      ${this.sessionAsymmetry.length ? html`<h3>Left / right across this session's sets</h3>${this.asymTable(this.sessionAsymmetry, 'session-asymmetry')}` : nothing}
      <slot></slot>
    </section>`;
  }

  private asymTable(rows: Asymmetry[], testId: string) {
    return html`<table data-testid=${testId}><thead><tr><th scope="col">Measure</th><th scope="col" class="n">Left</th><th scope="col" class="n">Right</th><th scope="col" class="n">Right − left</th></tr></thead>
      <tbody>${rows.map((a) => html`<tr><td>${metricLabel(a.metric)}</td><td class="n">${formatValue(a.metric, a.left)}</td>
        <td class="n">${formatValue(a.metric, a.right)}</td><td class="n">${diffText(a)}</td></tr>`)}</tbody></table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'set-summary-view': SetSummaryView }
}
