// <history-view>: stored sessions, newest first, with progress (programme sessions per week, the single-leg test
// over time), trends over days per exercise, export (JSON, CSV) and delete.
// Storage problems are shown here, never swallowed; sessions held only in memory are marked and still exportable.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dailyTrends } from '../coach/trends';
import { toCsv, toJson } from '../storage/export';
import type { SessionRecord } from '../storage/session-record';
import { formatValue, metricLabel, unitOf } from '../exercises-content/words';
import { SIDE_COLOURS, baseStyles } from './theme';
import { downloadText } from './download';
import type { SingleLegPoint, WeekProgress } from '../programme/progress';
import './data-chart';
import './single-leg-trend';

/** Progress shown above the sessions: the programme's weeks (null without a programme) and every single-leg test. */
export interface HistoryProgress { weeks: WeekProgress[] | null; tests: SingleLegPoint[] }

@customElement('history-view')
export class HistoryView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
    li { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; justify-content: space-between; }
    .what { font-weight: 600; }
    .error { border: 2px solid #ff6b6b; border-radius: 0.5rem; padding: 0.5rem 0.75rem; background: #2a1517; }
    .tag { font-size: 0.8rem; border: 1px solid #ffd166; color: #ffd166; border-radius: 0.3rem; padding: 0 0.3rem; }
    select { padding: 0.4rem; border-radius: 0.4rem; border: 1px solid #4a5666; background: #151b22; min-height: 2.75rem; max-width: 100%; }
  `];

  @property({ attribute: false }) records: SessionRecord[] = [];
  @property({ attribute: false }) unsaved: string[] = [];
  @property({ type: Number }) invalid = 0;
  @property() error: string | null = null;
  @property({ attribute: false }) progress: HistoryProgress | null = null;
  @state() private trendExercise: string | null = null;
  @state() private confirmId: string | null = null;

  override render() {
    const ids = [...new Set(this.records.map((r) => r.exerciseId))];
    const trendId = this.trendExercise && ids.includes(this.trendExercise) ? this.trendExercise : ids[0] ?? null;
    return html`<section aria-labelledby="hist-h" data-testid="history">
      <h2 id="hist-h">History</h2>
      ${this.error ? html`<p class="error" role="alert" data-testid="storage-error">⚠ ${this.error}</p>` : nothing}
      ${this.invalid ? html`<p class="error" role="alert">⚠ ${this.invalid} stored session(s) could not be read (damaged) and are not shown.</p>` : nothing}
      ${this.records.length === 0 ? html`<p class="muted">No sessions yet. Finished sets are saved here.</p>` : html`
        <div class="row">
          <button @click=${() => this.download('json')} data-testid="export-json">⬇ Export JSON</button>
          <button @click=${() => this.download('csv')} data-testid="export-csv">⬇ Export CSV</button>
        </div>
        ${this.renderProgress()}
        ${trendId ? this.renderTrend(ids, trendId) : nothing}
        <h3>Sessions</h3>
        <ul>${this.records.map((r) => this.renderRecord(r))}</ul>`}
    </section>`;
  }

  private renderProgress() {
    const p = this.progress;
    if (!p || (!p.weeks && p.tests.length === 0)) return nothing;
    const w = p.weeks;
    return html`<div class="card" data-testid="history-progress">
      <h3>Progress</h3>
      ${w ? html`<data-chart kind="bars" caption="Programme sessions per week (done, partly done, skipped)" x-label="Week" y-label="sessions"
        .x=${w.map((x) => x.week)} .series=${[
          { label: 'done', values: w.map((x) => x.done), colour: '#7ee2a8' },
          { label: 'partly done', values: w.map((x) => x.partial), colour: '#ffd166', dash: true },
          { label: 'skipped', values: w.map((x) => x.skipped), colour: '#b8c4d2' },
        ]} data-testid="chart-sessions-per-week"></data-chart>
        <p class="muted">${w.map((x) => `week ${x.week}: ${x.done} of ${x.planned}`).join(' · ')}</p>` : nothing}
      ${p.tests.length ? html`<single-leg-trend .points=${p.tests}></single-leg-trend>` : nothing}
    </div>`;
  }

  private renderTrend(ids: string[], id: string) {
    const t = dailyTrends(this.records, id);
    const name = this.records.find((r) => r.exerciseId === id)?.exerciseName ?? id;
    const x = t.map((d) => Date.parse(`${d.day}T12:00:00`) / 1000);
    const metric = t.find((d) => d.mainMetric)?.mainMetric ?? null;
    const hasHold = t.some((d) => d.bestHoldMs !== null);
    const drops = t.some((d) => d.meanDropDeg !== null);
    const series = drops
      ? (['left', 'right'] as const).map((side, i) => ({ label: `Mean pelvic drop, ${side} leg (°)`, values: t.map((d) => d.meanDropDeg?.[side] ?? null), colour: SIDE_COLOURS[side], dash: i === 1 }))
      : metric
      ? [{ label: `Mean ${metricLabel(metric).replace(/^Peak/, 'peak')}${t.some((d) => d.pairedSides) ? ', worse side' : ''}`, values: t.map((d) => d.meanMainMetric), colour: '#ffb020' }]
      : hasHold ? [{ label: 'Best hold (s)', values: t.map((d) => (d.bestHoldMs === null ? null : d.bestHoldMs / 1000)), colour: '#7ee2a8' }]
      : [{ label: 'Reps', values: t.map((d) => d.reps), colour: '#22c7ff' }];
    return html`<div class="card">
      <div class="row"><label>Trend for <select aria-label="Exercise for the trend" @change=${(e: Event) => { this.trendExercise = (e.target as HTMLSelectElement).value; }}>
        ${ids.map((i) => html`<option value=${i} ?selected=${i === id}>${this.records.find((r) => r.exerciseId === i)?.exerciseName ?? i}</option>`)}
      </select></label></div>
      <data-chart kind="line" time-x caption=${drops ? `${name}: mean pelvic drop per leg, by day` : `${name}: ${series[0]!.label} by day`} x-label="Day" y-label=${drops ? 'degrees' : metric ? unitOf(metric) || '' : hasHold ? 's' : 'reps'}
        .x=${x} .formatX=${(v: number) => new Date(v * 1000).toLocaleDateString()} .series=${series}></data-chart>
    </div>`;
  }

  private renderRecord(r: SessionRecord) {
    const reps = r.sets.reduce((a, s) => a + s.repCount, 0);
    const holds = r.sets.flatMap((s) => s.holds);
    const best = holds.length ? Math.max(...holds.map((h) => h.elapsedMs)) : null;
    const unsaved = this.unsaved.includes(r.id);
    return html`<li class="card" data-testid="history-item" data-exercise=${r.exerciseId}>
      <span><span class="what">${r.exerciseName}</span>
        <span class="muted"> · ${new Date(r.startedAt).toLocaleString()} · ${r.sets.length} set${r.sets.length === 1 ? '' : 's'}
        ${reps ? ` · ${reps} rep${reps === 1 ? '' : 's'}` : ''}${best !== null ? ` · best hold ${formatValue('holdMs', best)}` : ''}</span>
        ${r.source ? html` <span class="tag from-video" data-testid="from-video">from a video: ${r.source.fileName}</span>` : nothing}
        ${unsaved ? html` <span class="tag">not saved: memory only</span>` : nothing}</span>
      ${this.confirmId === r.id
        ? html`<span class="row"><button class="danger" @click=${() => this.deleteSession(r.id)} data-testid="confirm-delete">Delete for good</button>
            <button @click=${() => { this.confirmId = null; }}>Keep</button></span>`
        : html`<button @click=${() => { this.confirmId = r.id; }} aria-label=${`Delete ${r.exerciseName} session of ${new Date(r.startedAt).toLocaleString()}`}>Delete</button>`}
    </li>`;
  }

  private deleteSession(id: string): void {
    this.confirmId = null;
    this.dispatchEvent(new CustomEvent('delete-session', { detail: id, bubbles: true, composed: true }));
  }

  private download(kind: 'json' | 'csv'): void {
    const body = kind === 'json' ? toJson(this.records) : toCsv(this.records);
    downloadText(this.renderRoot, `hip-trainer-sessions-${new Date().toISOString().slice(0, 10)}.${kind}`, body,
      kind === 'json' ? 'application/json' : 'text/csv');
  }
}

declare global {
  interface HTMLElementTagNameMap { 'history-view': HistoryView }
  interface HTMLElementEventMap { 'delete-session': CustomEvent<string> }
}
