// <clinician-report-view>: the report to share with a physiotherapist, as a printable page ("Print / Save as
// PDF" uses the browser's own print dialog; nothing is uploaded). It renders the pure report model
// (src/report/clinician-report.ts): caveats first, the single-leg stand test per leg over time with charts, the
// programme, the trend over the weeks, fault rates per exercise, and the thresholds the app ran with. On screen it
// looks like the sheet it prints as: dark text on white.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LegResult } from '../programme/progress';
import type { ClinicianReport, ExerciseFaults, LegChange } from '../report/clinician-report';
import { faultName, formatValue } from '../exercises-content/words';
import { verdictHeadline } from '../exercises-content/verdicts';
import './data-chart';
import './single-leg-trend';

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)} %`);
const deg = (v: number | null | undefined, signed = false) => (v === null || v === undefined ? '–' : `${signed && v > 0 ? '+' : ''}${v.toFixed(1)}°`);
const secs = (ms: number | null | undefined, signed = false) => (ms === null || ms === undefined ? '–' : `${signed && ms > 0 ? '+' : ''}${(ms / 1000).toFixed(1)} s`);

@customElement('clinician-report-view')
export class ClinicianReportView extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; }
    .sheet { background: #fff; color: #111; max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.75rem; border-radius: 0.4rem; line-height: 1.4; }
    h2 { font-size: 1.5rem; margin: 0 0 0.25rem; }
    h3 { font-size: 1.15rem; margin: 1.4rem 0 0.5rem; border-bottom: 2px solid #222; padding-bottom: 0.15rem; }
    h4 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
    p { margin: 0.3rem 0; }
    .meta { color: #444; font-size: 0.95rem; }
    .caveats { border: 2px solid #b35f00; border-radius: 0.4rem; padding: 0.5rem 0.9rem; background: #fff8ef; }
    .caveats h3 { border: 0; margin-top: 0.2rem; }
    .caveats li { margin: 0.2rem 0; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.92rem; margin: 0.3rem 0 0.6rem; }
    th, td { border-bottom: 1px solid #ccd1d6; padding: 0.25rem 0.4rem; text-align: right; vertical-align: top; }
    th { background: #eef1f4; font-weight: 600; }
    th:first-child, td:first-child, td.text, th.text { text-align: left; }
    .bar { display: inline-block; height: 0.7em; background: #b35f00; vertical-align: middle; margin-left: 0.4rem; }
    /* One chart per row: drawn at the sheet's width, so on paper it is scaled down (sharp), not up. */
    .charts, single-leg-trend { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; }
    .muted { color: #555; }
    .small { font-size: 0.85rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin: 0.75rem 0; }
    button { font: inherit; padding: 0.5rem 0.9rem; min-height: 2.75rem; border-radius: 0.45rem; border: 1px solid #4d8fd6;
      background: #2f6fb3; color: #fff; font-weight: 600; cursor: pointer; }
    button:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
    .empty { color: #555; font-style: italic; }
    @media print {
      .sheet { padding: 0; max-width: none; border-radius: 0; }
      table { font-size: 0.8rem; }
      .noprint { display: none !important; }
      h3 { break-after: avoid; }
      tr, .caveats, data-chart { break-inside: avoid; }
    }
  `;

  @property({ attribute: false }) report: ClinicianReport | null = null;

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`<article class="sheet" data-testid="clinician-report" aria-labelledby="rep-h">
      <h2 id="rep-h">Hip stability: training report</h2>
      <p class="meta">Made on ${r.generatedOn}${r.period ? html` · sessions from ${r.period.from} to ${r.period.to}` : nothing}
        · ${r.totals.sessions} exercise session${r.totals.sessions === 1 ? '' : 's'} on ${r.totals.activeDays} day${r.totals.activeDays === 1 ? '' : 's'},
        ${r.totals.reps} reps, ${r.totals.holds} holds</p>
      <div class="actions noprint">
        <button data-testid="print-report" @click=${() => window.print()}>Print / Save as PDF</button>
        <span class="muted small">Uses your browser's print dialog. The report is built on this device; nothing is uploaded.</span>
      </div>
      <section class="caveats" data-testid="report-caveats"><h3>Read this first</h3>
        <ul>${r.caveats.map((c) => html`<li>${c}</li>`)}</ul></section>
      ${this.renderSingleLeg(r)}
      ${this.renderProgramme(r)}
      ${this.renderWeeks(r)}
      ${this.renderExercises(r.exercises)}
      ${this.renderThresholds(r)}
      <h3>Where the definitions are</h3>
      <ul class="small">${r.docs.map((d) => html`<li>${d.title}: <code>${d.path}</code> (in the app's source)</li>`)}</ul>
    </article>`;
  }

  private renderSingleLeg(r: ClinicianReport) {
    const s = r.singleLeg;
    const leg = (l: LegResult | null) => (l ? html`<td>${secs(l.holdMs)}${l.reachedTarget ? '' : ' *'}</td><td>${deg(l.meanDropDeg)}</td><td>${deg(l.peakDropDeg)}</td><td class="text">${verdictHeadline(l.verdict)}</td>`
      : html`<td>–</td><td>–</td><td>–</td><td class="text muted">not tested</td>`);
    return html`<section data-testid="report-single-leg"><h3>Single-leg stand test</h3>
      ${s.points.length === 0 ? html`<p class="empty">No single-leg stand test yet.</p>` : html`
        <table>
          <thead><tr><th rowspan="2">Day</th><th rowspan="2">Week</th><th colspan="4" class="text">Standing on the left leg</th><th colspan="4" class="text">Standing on the right leg</th><th rowspan="2">Drop R − L</th></tr>
            <tr><th>Hold</th><th>Mean drop</th><th>Peak drop</th><th class="text">Reading</th><th>Hold</th><th>Mean drop</th><th>Peak drop</th><th class="text">Reading</th></tr></thead>
          <tbody>${s.points.map((p) => html`<tr data-testid="report-test-row"><td>${p.day}</td><td>${p.week ?? '–'}</td>${leg(p.left)}${leg(p.right)}<td>${deg(p.meanDropDegDiff, true)}</td></tr>`)}</tbody>
        </table>
        <p class="small muted">Pelvic drop: the hip-to-hip line against the horizontal, + = the lifted side lower. * = the foot came down before the target time.</p>
        ${s.change ? html`<p data-testid="report-change">Change from ${s.change.fromDay} to ${s.change.toDay}: left leg ${this.changeWords(s.change.left)}; right leg ${this.changeWords(s.change.right)}.</p>` : nothing}
        <single-leg-trend theme="light" height="240" .points=${s.points}></single-leg-trend>`}
    </section>`;
  }

  private changeWords(c: LegChange): string {
    return `hold ${secs(c.holdMsDiff, true)}, mean drop ${deg(c.meanDropDegDiff, true)}`;
  }

  private renderProgramme(r: ClinicianReport) {
    const p = r.programme;
    if (!p) return html`<section><h3>Programme</h3><p class="empty">No programme running: the sessions below are free practice.</p></section>`;
    return html`<section data-testid="report-programme"><h3>Programme: ${p.title}</h3>
      <p>Started ${p.startDay}; week ${Math.max(1, p.week)} of ${p.weeks} on the report day. Sessions: ${p.sessionsDone} done, ${p.sessionsPartial} partly done,
        ${p.sessionsSkipped} skipped, of ${p.sessionsPlanned} planned.</p>
      <table>
        <thead><tr><th>Week</th><th class="text">Days</th><th>Planned</th><th>Done</th><th>Partly</th><th>Skipped</th><th>Practice</th></tr></thead>
        <tbody>${p.weekly.map((w) => html`<tr><td>${w.week}</td><td class="text">${w.from} – ${w.to}</td><td>${w.planned}</td><td>${w.done}</td><td>${w.partial}</td><td>${w.skipped}</td><td>${w.practice}</td></tr>`)}</tbody>
      </table>
      <h4>Step on each track</h4>
      <table>
        <thead><tr><th class="text">Track</th><th class="text">Current step</th><th class="text">Changes</th></tr></thead>
        <tbody>${p.levels.map((l) => html`<tr><td>${l.title}</td><td class="text">${l.stepNumber} of ${l.stepCount}: ${l.stepTitle}${l.locked ? ' (kept there by the user)' : ''}</td>
          <td class="text small">${l.changes.length ? l.changes.map((c) => `${c.atIso.slice(0, 10)} ${c.reason === 'chosen' ? 'chosen by the user' : 'moved up after clean sessions'}`).join('; ') : '–'}</td></tr>`)}</tbody>
      </table>
      <p class="small muted">${p.cleanRule.clean} ${p.cleanRule.progression}</p>
    </section>`;
  }

  private renderWeeks(r: ClinicianReport) {
    if (r.weeks.length === 0) return nothing;
    const x = r.weeks.map((w) => w.week);
    return html`<section data-testid="report-weeks"><h3>Trend over the weeks</h3>
      <table>
        <thead><tr><th>Week</th><th class="text">Days</th><th>Sessions</th><th>Reps</th><th>Reps with a form warning</th><th>Holds on target</th><th>Single-leg mean drop L / R</th></tr></thead>
        <tbody>${r.weeks.map((w) => html`<tr><td>${w.week === 0 ? 'before' : w.week}</td><td class="text">${w.from} – ${w.to}</td><td>${w.sessions}</td><td>${w.reps}</td>
          <td>${pct(w.repFaultRate)}</td><td>${w.holds ? `${w.holdsOnTarget} / ${w.holds}` : '–'}</td>
          <td>${w.singleLegMeanDropDeg ? `${deg(w.singleLegMeanDropDeg.left)} / ${deg(w.singleLegMeanDropDeg.right)}` : '–'}</td></tr>`)}</tbody>
      </table>
      <div class="charts">
        <data-chart theme="light" kind="bars" height="220" caption="Reps with a form warning, % per week" x-label="Week" y-label="%"
          .x=${x} .series=${[{ label: 'reps with a warning (%)', values: r.weeks.map((w) => (w.repFaultRate === null ? null : w.repFaultRate * 100)), colour: '#b35f00' }]} data-testid="chart-weeks"></data-chart>
        <data-chart theme="light" kind="bars" height="220" caption="Exercise sessions per week" x-label="Week" y-label="sessions"
          .x=${x} .series=${[{ label: 'sessions', values: r.weeks.map((w) => w.sessions), colour: '#006d99' }]}></data-chart>
      </div>
    </section>`;
  }

  private renderExercises(list: readonly ExerciseFaults[]) {
    return html`<section data-testid="report-exercises"><h3>Form warnings per exercise</h3>
      ${list.length === 0 ? html`<p class="empty">No exercise sessions yet.</p>` : html`<table>
        <thead><tr><th class="text">Exercise</th><th>Sessions</th><th>Reps</th><th class="text">Reps with a form warning</th><th class="text">Most frequent</th><th>Holds on target</th><th>Cues per hold</th></tr></thead>
        <tbody>${list.map((e) => html`<tr data-testid="report-exercise" data-exercise=${e.exerciseId}><td>${e.name}</td><td>${e.sessions}</td><td>${e.reps}</td>
          <td class="text">${e.reps ? html`${pct(e.repFaultRate)} (${e.repsWithFault})<span class="bar" style="width: ${Math.round((e.repFaultRate ?? 0) * 6)}rem"></span>` : '–'}</td>
          <td class="text small">${e.repFaults.length ? e.repFaults.slice(0, 3).map((f) => `${faultName(f.code)} ${pct(f.rate)}`).join(', ')
            : e.cues.length ? e.cues.slice(0, 3).map((c) => `${faultName(c.code, c.side)} ×${c.onsets}`).join(', ') : 'none'}</td>
          <td>${e.holds ? `${e.holdsOnTarget} / ${e.holds}${e.meanHoldMs !== null ? ` (mean ${formatValue('holdMs', e.meanHoldMs)})` : ''}` : '–'}</td>
          <td>${e.cueOnsetsPerHold === null ? '–' : e.cueOnsetsPerHold.toFixed(2)}</td></tr>`)}</tbody>
      </table>`}
    </section>`;
  }

  private renderThresholds(r: ClinicianReport) {
    return html`<section data-testid="report-thresholds"><h3>Thresholds the app used</h3>
      <table class="small">
        <thead><tr><th class="text">Where</th><th class="text">Setting</th><th>Value</th><th class="text">Meaning and source</th></tr></thead>
        <tbody>${r.thresholds.map((t) => html`<tr><td class="text">${t.exerciseName ?? t.group}</td><td class="text"><code>${t.field}</code></td><td>${String(t.value)}</td><td class="text">${t.meaning}</td></tr>`)}</tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'clinician-report-view': ClinicianReportView }
}
