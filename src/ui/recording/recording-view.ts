// <recording-view>: analyse a recorded set. The file (chosen or dropped in the shell) opens; the user picks the
// exercise and side; every frame is analysed (progress with time left, Cancel); the result is the same set summary
// (or single-leg report) as a live set, saved to History "from a video"; under the video a timeline of reps and
// faults to replay any moment with its skeleton and cue, previous / next rep, frame steps with the arrow keys; and
// the sets found in the file, which the user can split or merge. Lifecycle in RecordingController; no math here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Side } from '../../core/pose-frame';
import type { ExerciseDefinition, ExerciseGroup } from '../../rules/engine/types';
import { sessionAsymmetry } from '../../coach/set-summary';
import { singleLegReport, DEFAULT_SINGLE_LEG_REPORT } from '../../coach/single-leg-report';
import { layoutTimeline, timelinePct, timelineTime, workUnit, type TimelineMark } from '../../coach/timeline';
import { GROUP_LABELS, howToFor } from '../../exercises-content/howto';
import { faultName } from '../../exercises-content/words';
import { RecordingController, type RecordingPipeline, type ReplayCanvas, type SideChoice } from '../controllers/recording-controller';
import { dropThreshold, isSingleLegTest } from '../live-view-model';
import { baseStyles } from '../theme';
import { clockText, progressModel, speedText } from './recording-view-model';
import './recording-timeline';
import '../set-summary-view';
import '../single-leg-report-view';

const GROUP_ORDER: ExerciseGroup[] = ['test', 'strength', 'hold'];
const SPLIT_WORDS = { pause: 'the person paused here', 'side-change': 'the working side changed here' } as const;

@customElement('recording-view')
export class RecordingView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .card + .card, .card + section, section + section { margin-top: 0.75rem; }
    h2 { margin-top: 0; }
    .facts { color: #b8c4d2; }
    form { display: grid; gap: 0.6rem; }
    label { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 2.75rem; margin-right: 0.75rem; }
    select { padding: 0.4rem; border-radius: 0.4rem; border: 1px solid #4a5666; background: #151b22; color: inherit; min-height: 2.75rem; max-width: 100%; }
    fieldset { border: 1px solid #2c3642; border-radius: 0.5rem; padding: 0.4rem 0.75rem; margin: 0; }
    progress { width: 100%; height: 1.4rem; accent-color: #2f6fb3; appearance: none; border: 1px solid #4a5666; border-radius: 0.4rem; background: #151b22; overflow: hidden; }
    progress::-webkit-progress-bar { background: #151b22; }
    progress::-webkit-progress-value { background: #2f6fb3; }
    .big { font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .transport { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-top: 0.5rem; }
    .time { font-variant-numeric: tabular-nums; margin-left: auto; color: #b8c4d2; }
    .sets { list-style: none; padding: 0; margin: 0.25rem 0; display: grid; gap: 0.35rem; }
    .sets li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
    .note { color: #ffd48a; }
    .error { border: 2px solid #ff6b6b; border-radius: 0.5rem; padding: 0.5rem 0.75rem; background: #2a1517; }
    label.file input { display: none; }
    label.file { border: 1px solid #4a5666; border-radius: 0.4rem; padding: 0.35rem 0.7rem; cursor: pointer; background: #222b36; }
  `];

  @property({ attribute: false }) exercises: readonly ExerciseDefinition[] = [];
  /** The pose pipeline (the shell's PoseController). */
  @property({ attribute: false }) pipeline: RecordingPipeline | null = null;
  /** The skeleton overlay the replay draws on. */
  @property({ attribute: false }) canvas: ReplayCanvas | null = null;
  /** The file to analyse; a new one opens it. */
  @property({ attribute: false }) file: File | null = null;
  @property({ attribute: 'model-label' }) modelLabel = '';
  /** 'real-time' analyses no faster than the video plays (benchmarks and the equality test: `?analysis=real-time`). */
  @property() pace: 'full' | 'real-time' = 'full';

  @state() private exerciseId = 'squat';
  @state() private side: SideChoice = 'detect';

  readonly recording = new RecordingController(this, () => this.pipeline, () => this.canvas, () => this.modelLabel);

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('file') && this.file) void this.recording.open(this.file);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
  }

  override render() {
    const ph = this.recording.phase;
    switch (ph.kind) {
      case 'empty':
        return html`<section class="card" data-testid="recording-empty"><h2>Analyse a video</h2>
          <p>Choose a video file or drop one on the page. It is analysed here, on this device, and never uploaded.</p>
          ${this.fileButton('Choose a video file…')}</section>`;
      case 'opening':
        return html`<section class="card" role="status"><h2>Opening ${ph.fileName}…</h2></section>`;
      case 'failed':
        return html`<section class="card" data-testid="recording-failed"><h2>This file cannot be analysed</h2>
          <p class="error" role="alert" data-testid="recording-error">${ph.message}</p>${this.fileButton('Choose another file…')}</section>`;
      case 'ready':
        return this.renderSetup(ph.info, ph.note);
      case 'analysing': {
        const p = progressModel(ph.progress);
        return html`<section class="card" data-testid="analysing" aria-busy="true"><h2>Analysing ${ph.info.fileName}</h2>
          <progress max="100" .value=${p.percent} aria-label="Analysis progress" data-testid="analysis-progress"></progress>
          <p class="big" role="status" data-testid="progress-text">${p.text}</p><p class="muted">${p.detail}</p>
          <button @click=${() => this.recording.cancel()} data-testid="cancel-analysis">Cancel</button></section>`;
      }
      case 'done':
        return this.renderResult(ph.info.fileName);
    }
  }

  private fileButton(text: string) {
    return html`<label class="file">${text}<input type="file" accept="video/*,.mov,.mkv" data-testid="recording-file-input"
      @change=${this.onFile} /></label>`;
  }

  /** A file chosen here goes through the shell like any other (one way in: `file`). */
  private onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire change
    if (file) this.dispatchEvent(new CustomEvent<File>('open-file', { detail: file, bubbles: true, composed: true }));
  }

  private renderSetup(info: { fileName: string; durationMs: number; widthPx: number; heightPx: number; rotationDeg: number }, note: string | null) {
    const def = this.exercises.find((e) => e.id === this.exerciseId) ?? this.exercises[0];
    return html`<section class="card" data-testid="recording-setup">
      <h2>${info.fileName}</h2>
      <p class="facts" data-testid="recording-facts">${clockText(info.durationMs)} · ${info.widthPx}×${info.heightPx} ${info.heightPx > info.widthPx ? 'portrait' : 'landscape'}${info.rotationDeg ? ` (turned ${info.rotationDeg}° as the file asks)` : ''}</p>
      ${note ? html`<p class="note" role="status" data-testid="recording-note">${note}</p>` : nothing}
      <form @submit=${this.start}>
        <label>Exercise <select aria-label="Exercise in the video" data-testid="recording-exercise" @change=${(e: Event) => { this.exerciseId = (e.target as HTMLSelectElement).value; }}>
          ${GROUP_ORDER.map((g) => html`<optgroup label=${GROUP_LABELS[g]}>${this.exercises.filter((e) => e.group === g).map((e) =>
            html`<option value=${e.id} ?selected=${e.id === def?.id}>${e.name}</option>`)}</optgroup>`)}
        </select></label>
        ${def?.sided ? html`<fieldset><legend>${howToFor(def).sideMeaning ?? 'Working side'}</legend>
          ${(['detect', 'left', 'right'] as SideChoice[]).map((s) => html`<label><input type="radio" name="side" value=${s} .checked=${this.side === s}
            @change=${() => { this.side = s; }} />${s === 'detect' ? 'Detect from the video (each set)' : s === 'left' ? 'Left' : 'Right'}</label>`)}
        </fieldset>` : nothing}
        <p class="muted">The whole file is analysed from its first frame to its last, with no set-up and no countdown.</p>
        <div class="row"><button class="primary" type="submit" data-testid="analyse">Analyse</button>${this.fileButton('Choose another file…')}</div>
      </form>
    </section>`;
  }

  private start = (e: Event) => {
    e.preventDefault();
    const def = this.exercises.find((x) => x.id === this.exerciseId) ?? this.exercises[0];
    if (def) void this.recording.analyse(def, this.side, this.pace);
  };

  private renderResult(fileName: string) {
    const r = this.recording;
    const result = r.result;
    const def = r.exercise;
    if (!result || !def) return nothing;
    const frames = r.frames;
    const first = frames[0]?.timestampMs ?? 0;
    const end = r.analysis?.info.durationMs ?? frames[frames.length - 1]?.timestampMs ?? 0;
    const layout = layoutTimeline(result.marks, first, end);
    const headPct = timelinePct(r.currentMs, first, end);
    const sets = r.segments;
    const unit = workUnit(result.marks);
    const a = r.analysis;
    return html`
      <section class="card" data-testid="recording-review">
        <h2>${def.name}: ${fileName}</h2>
        <p class="muted" data-testid="analysis-stats">${frames.length} frames analysed in ${((a?.elapsedMs ?? 0) / 1000).toFixed(1)} s
          (${speedText(a)}). Saved to History, marked “from a video”.</p>
        <recording-timeline .layout=${layout} .headPct=${headPct} .sets=${sets.length}
          .laneNames=${layout.faultLanes.map((l) => faultName(l.code, l.side))}
          @seek-mark=${(e: CustomEvent<TimelineMark>) => void r.seekMark(e.detail)}
          @seek-fraction=${(e: CustomEvent<number>) => void r.player?.seek(timelineTime(e.detail, first, end))}></recording-timeline>
        <div class="transport" role="group" aria-label="Replay">
          <button @click=${() => void r.goToRep(-1)} data-testid="prev-rep">« Previous ${unit}</button>
          <button @click=${() => void r.stepFrame(-1)} aria-label="One frame back" data-testid="frame-back">◀ Frame</button>
          <button @click=${() => r.togglePlay()} data-testid="play-pause">${r.player?.paused === false ? '❚❚ Pause' : '▶ Play'}</button>
          <button @click=${() => void r.stepFrame(1)} aria-label="One frame on" data-testid="frame-on">Frame ▶</button>
          <button @click=${() => void r.goToRep(1)} data-testid="next-rep">Next ${unit} »</button>
          <span class="time" data-testid="replay-time">${clockText(r.currentMs)} / ${clockText(end)}</span>
        </div>
        <p class="muted">Click a mark to replay it with the skeleton and the cue that was shown. ← → step one frame.</p>
      </section>
      <section class="card" data-testid="recording-sets">
        <h3>Sets in this video</h3>
        <ul class="sets">${sets.map((s, i) => html`<li data-testid="recording-set">
          <b>Set ${i + 1}</b><span>from ${clockText(s.startMs)}</span>
          ${i > 0 && r.splitReasons[i] ? html`<span class="muted">(${SPLIT_WORDS[r.splitReasons[i]!]})</span>` : nothing}
          ${def.sided ? html`<label>Side <select aria-label=${`Side of set ${i + 1}`} @change=${(e: Event) => r.setSide(i, (e.target as HTMLSelectElement).value as Side)}>
            ${s.side === null ? html`<option value="" selected disabled>not seen</option>` : nothing}
            ${(['left', 'right'] as Side[]).map((x) => html`<option value=${x} ?selected=${s.side === x}>${x}</option>`)}</select></label>` : nothing}
          ${i > 0 ? html`<button @click=${() => r.mergeSet(i)} data-testid="merge-set">Join with set ${i}</button>` : nothing}
        </li>`)}</ul>
        <button @click=${() => r.markSetStart()} data-testid="mark-set">A new set starts here (${clockText(r.currentMs)})</button>
      </section>
      ${this.renderSummaries(def, fileName)}
      <div class="row" style="margin-top: 0.75rem">
        <button @click=${() => r.backToSetup()} data-testid="analyse-again">Analyse again as another exercise</button>
        ${this.fileButton('Analyse another file…')}
      </div>`;
  }

  private renderSummaries(def: ExerciseDefinition, fileName: string) {
    const summaries = this.recording.result?.summaries ?? [];
    if (isSingleLegTest(def)) {
      const threshold = dropThreshold(def);
      const report = singleLegReport(summaries, { ...DEFAULT_SINGLE_LEG_REPORT, meanDropFlagDeg: threshold });
      return html`<single-leg-report-view .report=${report} .thresholdDeg=${threshold}></single-leg-report-view>`;
    }
    return summaries.map((s, i) => html`<set-summary-view .summary=${s}
      .sessionAsymmetry=${i === summaries.length - 1 && summaries.length > 1 ? sessionAsymmetry(summaries) : []}
      heading=${`${def.name}: ${summaries.length > 1 ? `set ${i + 1} of ${summaries.length}, ` : ''}from ${fileName}`}></set-summary-view>`);
  }

  /** Arrow keys step one frame while the review shows (not while typing in a field). */
  private onKey = (e: KeyboardEvent) => {
    if (this.recording.phase.kind !== 'done' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    const t = e.composedPath()[0] as HTMLElement | undefined;
    if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
    e.preventDefault();
    void this.recording.stepFrame(e.key === 'ArrowRight' ? 1 : -1);
  };
}

declare global {
  interface HTMLElementTagNameMap { 'recording-view': RecordingView }
  interface HTMLElementEventMap { 'open-file': CustomEvent<File> }
}
