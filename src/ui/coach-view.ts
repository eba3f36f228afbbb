// <coach-view>: the coaching experience around the shell's video. Screens: exercise picker -> live set (set-up
// guidance, countdown, counting) -> set summary (or the single-leg test report) -> next set / done, and history.
// It renders and dispatches: the session is a pure reducer (src/coach) held by SessionController; storage, the
// keypoint recorder, voice and the stage over the video each live in a controller (./controllers).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PoseFrame } from '../core/pose-frame';
import type { ExerciseDefinition } from '../rules/engine/types';
import { hasWork, sessionSpec, type CoachEvent, type SessionPlan } from '../coach/coach-session';
import { singleLegReport, DEFAULT_SINGLE_LEG_REPORT, type SingleLegReport } from '../coach/single-leg-report';
import { sessionAsymmetry, type SetSummary } from '../coach/set-summary';
import { SessionController, type FrameSource } from './controllers/session-controller';
import { HistoryController } from './controllers/history-controller';
import { RecorderController, recordingMeta, type CaptureInfo } from './controllers/recorder-controller';
import { VoiceController } from './controllers/voice-controller';
import { WakeLockController } from './controllers/wake-lock-controller';
import { StageController, type JointHighlighter } from './controllers/stage-controller';
import {
  countWords, dropThreshold, isSingleLegTest, jointHighlights, nextSetLabel, panelModel, stageHud, summariseOptionsFor,
} from './live-view-model';
import type { StartSessionDetail } from './exercise-picker';
import { focusScreen } from './focus-screen';
import { baseStyles } from './theme';
import './exercise-picker';
import './live-panel';
import './set-summary-view';
import './single-leg-report-view';
import './history-view';

export type { CaptureInfo, FrameSource, JointHighlighter };
export type Screen = 'pick' | 'live' | 'summary' | 'history';

/** How long "Go!" stays up after the countdown (ms of frame time). */
const GO_MS = 700;

@customElement('coach-view')
export class CoachView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    nav { display: flex; gap: 0.5rem; margin-bottom: 0.75rem; flex-wrap: wrap; }
    nav button[aria-current='page'] { background: #2f6fb3; border-color: #4d8fd6; }
    .error { border: 2px solid #ff6b6b; border-radius: 0.5rem; padding: 0.5rem 0.75rem; background: #2a1517; margin-bottom: 0.75rem; }
    .after { margin-top: 0.75rem; }
  `];

  @property({ attribute: false }) exercises: readonly ExerciseDefinition[] = [];
  @property({ attribute: false }) frameSource: FrameSource | null = null;
  @property({ attribute: false }) overlay: JointHighlighter | null = null;
  /** Why no frames arrive (the shell's pipeline is not running), or null. A set in progress then shows as paused
   * until a frame arrives again. */
  @property({ attribute: false }) paused: string | null = null;
  /** e.g. "MoveNet Lightning / wasm", stored with each session. */
  @property({ attribute: 'model-label' }) modelLabel = '';
  /** Which screen shows. Reflected so the shell can give summaries and history the full width. */
  @property({ reflect: true }) screen: Screen = 'pick';
  /** Model, backend and smoothing of the frames, read when a keypoint recording starts. Not reactive: nothing on
   * screen depends on it, so the shell handing over a fresh object on each render re-renders nothing here. */
  capture: CaptureInfo | null = null;

  /** A frame arrived since `paused` was last set: frames prove the picture is live, whatever the shell's state. */
  @state() private framesSincePause = false;
  @state() private lastSummary: SetSummary | null = null;
  @state() private report: SingleLegReport | null = null;
  @state() private coachError: string | null = null;

  readonly voice = new VoiceController(this);
  /** Keeps the screen on while the live screen shows (a set runs). */
  readonly wakeLock = new WakeLockController(this);
  private readonly history = new HistoryController(this);
  private readonly recorder = new RecorderController(this);
  private readonly live = new SessionController(this, {
    coaching: () => this.screen === 'live',
    beforeFrame: (f) => this.recorder.push(f),
    onEvents: (events, t) => this.onEvents(events, t),
    onError: (message) => { this.coachError = message; this.saveRecording(); this.screen = 'pick'; },
    afterFrame: () => this.stage.sync(),
  });
  private readonly stage = new StageController(this, () => {
    const s = this.live.current;
    const shown = s && this.screen === 'live' && !this.pauseText ? s : null;
    return {
      hud: shown ? stageHud(shown, this.live.lastFrameMs < this.goUntilMs) : null,
      highlights: shown ? jointHighlights(shown.state.live) : {},
      overlay: this.overlay,
    };
  });
  private goUntilMs = 0;

  /** The session in progress (gate, live set, reps, summaries), or null. */
  get session(): SessionController | null { return this.live.current ? this.live : null; }
  private get pauseText(): string | null { return this.framesSincePause ? null : this.paused; }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('paused') && this.paused !== null) this.framesSincePause = false;
    if (changed.has('frameSource')) this.live.listen(this.frameSource, (f) => this.pushFrame(f));
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('screen') && changed.get('screen') !== undefined) void focusScreen(this, this.screen, !!this.report);
    if (changed.has('screen')) this.wakeLock.keepAwake(this.screen === 'live');
  }

  /** Feed one pose frame (the shell's pipeline calls this for every frame). */
  pushFrame(frame: PoseFrame): void {
    if (!this.framesSincePause) this.framesSincePause = true;
    this.live.push(frame);
  }

  /** Start a session (also used by tests). */
  startSession(def: ExerciseDefinition, plan: SessionPlan): void {
    this.coachError = null;
    this.saveRecording();
    this.live.start(sessionSpec(def, plan, summariseOptionsFor(def)));
    this.history.begin(def, this.modelLabel);
    this.lastSummary = null;
    this.report = null;
    this.voice.resetCooldown();
    this.screen = 'live';
  }

  private onEvents(events: readonly CoachEvent[], t: number): void {
    this.voice.onEvents(events, t);
    for (const e of events) {
      if (e.type === 'go') this.goUntilMs = t + GO_MS;
      if (e.type === 'set-complete') this.finishSet(e.summary);
    }
  }

  private finishSet(summary: SetSummary): void {
    const s = this.live.current!;
    this.saveRecording();
    this.lastSummary = summary;
    const def = s.spec.exercise;
    if (isSingleLegTest(def)) this.report = singleLegReport(s.state.summaries, { ...DEFAULT_SINGLE_LEG_REPORT, meanDropFlagDeg: dropThreshold(def) });
    this.screen = 'summary';
    void this.history.saveSets(s.state.summaries);
  }

  private saveRecording(): void {
    const error = this.recorder.save();
    if (error) this.coachError = error;
  }

  // ---------------------------------------------------------------- user actions

  private start = (e: CustomEvent<StartSessionDetail>) => {
    const def = this.exercises.find((x) => x.id === e.detail.exerciseId);
    if (def) this.startSession(def, e.detail.plan);
  };
  private endSet = () => this.live.endSet();
  private nextSet = () => {
    if (this.live.nextSet()) { this.screen = 'live'; this.voice.resetCooldown(); }
  };
  private finish = () => { this.live.clear(); this.screen = 'pick'; };
  private stopSession = () => {
    this.saveRecording();
    const s = this.live.current;
    // Keep what was done: end the set (saved) before leaving.
    if (s && hasWork(s.state)) this.live.endSet();
    this.finish();
  };
  private showTraining = () => { this.screen = this.live.current ? (this.live.setEnded ? 'summary' : 'live') : 'pick'; };
  private showHistory = () => { this.screen = 'history'; void this.history.refresh(); };
  private deleteSession = (e: CustomEvent<string>) => { void this.history.remove(e.detail); };
  private sayCount = () => {
    const s = this.live.current;
    if (s) this.voice.announce(countWords(s), this.live.lastFrameMs);
  };
  private toggleRecording = () => {
    const s = this.live.current;
    if (this.recorder.recording) this.saveRecording();
    else if (s) this.recorder.start(recordingMeta(s, this.capture));
  };

  // ---------------------------------------------------------------- render

  override render() {
    const storeError = this.history.status.error;
    return html`
      <nav aria-label="Coach">
        <button aria-current=${this.screen !== 'history' ? 'page' : 'false'} @click=${this.showTraining}>Train</button>
        <button aria-current=${this.screen === 'history' ? 'page' : 'false'} @click=${this.showHistory} data-testid="nav-history">History</button>
      </nav>
      ${storeError && this.screen !== 'history' ? html`<p class="error" role="alert" data-testid="storage-error">⚠ ${storeError}</p>` : nothing}
      ${this.voice.error ? html`<p class="error" role="alert">⚠ ${this.voice.error}</p>` : nothing}
      ${this.coachError ? html`<p class="error" role="alert" data-testid="coach-error">⚠ ${this.coachError}</p>` : nothing}
      ${this.renderScreen()}`;
  }

  private renderScreen() {
    const s = this.live.current;
    switch (this.screen) {
      case 'pick':
        return html`<exercise-picker .exercises=${this.exercises} @start-session=${this.start}></exercise-picker>`;
      case 'live':
        return s ? html`<live-panel .model=${panelModel(s, { paused: this.pauseText, voiceAvailable: this.voice.available, voiceOn: this.voice.enabled, recording: this.recorder.label })}
          @end-set=${this.endSet} @stop-session=${this.stopSession} @say-count=${this.sayCount} @record-toggle=${this.toggleRecording}
          @voice-toggle=${(e: CustomEvent<boolean>) => this.voice.setEnabled(e.detail)}></live-panel>` : nothing;
      case 'summary':
        return this.renderAfterSet();
      case 'history': {
        const h = this.history.list;
        return html`<history-view .records=${h.records} .unsaved=${h.unsaved} .invalid=${h.invalid}
          .error=${this.history.status.error} @delete-session=${this.deleteSession}></history-view>`;
      }
    }
  }

  private renderAfterSet() {
    const s = this.live.current;
    if (!s) return nothing;
    const def = s.spec.exercise;
    const next = nextSetLabel(s, isSingleLegTest(def));
    const actions = html`<div class="row after">
      ${next ? html`<button class="primary" @click=${this.nextSet} data-testid="next-set">${next}</button>` : nothing}
      <button class=${next ? '' : 'primary'} @click=${this.finish} data-testid="finish">${next ? 'Finish here' : 'Done'}</button>
      <button @click=${this.showHistory}>See history</button>
    </div>`;
    if (isSingleLegTest(def) && this.report) {
      return html`<single-leg-report-view .report=${this.report} .thresholdDeg=${dropThreshold(def)}>${actions}</single-leg-report-view>`;
    }
    return html`<set-summary-view .summary=${this.lastSummary} .sessionAsymmetry=${sessionAsymmetry(s.state.summaries)}
      heading=${`${def.name}: set ${s.state.setIndex + 1} of ${s.spec.plan.sets.length}`}>${actions}</set-summary-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'coach-view': CoachView }
}
