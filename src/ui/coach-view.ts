// <coach-view>: the coaching experience around the shell's video. Screens: exercise picker -> live set (set-up
// guidance, countdown, counting) -> set summary (or the single-leg test report) -> next set / done, and history.
// It wires things together and picks words; all aggregation lives in src/coach (pure) and src/storage.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { KeypointName, PoseFrame } from '../core/pose-frame';
import type { ExerciseDefinition } from '../rules/engine/types';
import { CoachSession, ruleConfig, ruleDefault, type CoachEvent, type SessionPlan } from '../coach/coach-session';
import { FixtureRecorder } from '../fixtures/recorder';
import { currentCue, currentHold } from '../coach/live-set';
import { PELVIC_SERIES, TRUNK_SERIES, singleLegReport, DEFAULT_SINGLE_LEG_REPORT, type SingleLegReport } from '../coach/single-leg-report';
import { sessionAsymmetry, type SetSummary } from '../coach/set-summary';
import { SessionStore, type StoreStatus } from '../storage/session-store';
import type { SessionRecord } from '../storage/session-record';
import { howToFor } from '../exercises-content/howto';
import { cueLine, formatValue, metricLabel, sideWord, spokenCue, visibilityWords } from '../exercises-content/words';
import type { LivePanelModel } from './live-panel';
import type { StageHud } from './coach-stage-layer';
import { countdownSeconds } from '../coach/setup-gate';
import type { StartSessionDetail } from './exercise-picker';
import { Voice } from './voice';
import { WakeLockController } from './controllers/wake-lock-controller';
import { downloadText } from './download';
import { baseStyles } from './theme';
import './exercise-picker';
import './live-panel';
import './set-summary-view';
import './single-leg-report-view';
import './history-view';

type Screen = 'pick' | 'live' | 'summary' | 'history';

export interface FrameSource { onFrame(listener: (frame: PoseFrame) => void): () => void }
/** How the frames are made, written into a recorded fixture (the shell's pipeline knows it). */
export interface CaptureInfo {
  modelId: 'lightning' | 'thunder';
  modelVersion: string;
  backend: string;
  smoothing: Record<string, unknown> | null;
  source: 'camera' | 'file' | null;
  sourceLabel: string;
}
/** What the coach needs from the skeleton overlay (H1's <pose-overlay>). */
export interface JointHighlighter { highlights: Partial<Record<KeypointName, string>> }

const SEVERITY_COLOUR = { fault: '#ff4d4d', warning: '#ffd166', info: '#7fb8ff' } as const;
/** How long "Go!" stays up after the countdown (ms of frame time). */
const GO_MS = 700;
/** The live panel's running numbers (angles, hold time) refresh at least this often (ms of frame time). Our default:
 * ~8 Hz reads as live; changes in words or counts show at once. */
const PANEL_REFRESH_MS = 125;

const isSingleLegTest = (def: ExerciseDefinition) => def.group === 'test';

function newId(): string {
  try { return crypto.randomUUID(); } catch { return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`; }
}

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
  /** A frame arrived since `paused` was last set: frames prove the picture is live, whatever the shell's state. */
  @state() private framesSincePause = false;

  private get pauseText(): string | null { return this.framesSincePause ? null : this.paused; }
  /** Model, backend and smoothing of the frames, read when a keypoint recording starts. Not reactive: nothing on
   * screen depends on it, so the shell handing over a fresh object on each render re-renders nothing here. */
  capture: CaptureInfo | null = null;
  /** e.g. "MoveNet Lightning / wasm", stored with each session. */
  @property({ attribute: 'model-label' }) modelLabel = '';

  /** Which screen shows. Reflected so the shell can give summaries and history the full width. */
  @property({ reflect: true }) screen: Screen = 'pick';
  @state() private session: CoachSession | null = null;
  @state() private lastSummary: SetSummary | null = null;
  @state() private report: SingleLegReport | null = null;
  @state() private history: { records: SessionRecord[]; unsaved: string[]; invalid: number } = { records: [], unsaved: [], invalid: 0 };
  @state() private storeStatus: StoreStatus = { persistent: false, error: null };
  @state() private tick = 0;
  @state() private coachError: string | null = null;
  /** Keypoint recording of the set in progress (a test fixture), from its button until it is saved: by the button
   * again, or when the set ends, so one file = one set with one side. */
  @state() private recorder: FixtureRecorder | null = null;

  readonly voice = new Voice();
  /** Keeps the screen on while the live screen shows (a set runs). */
  readonly wakeLock = new WakeLockController(this);
  private store: SessionStore | null = null;
  private storeReady: Promise<SessionStore> | null = null;
  private record: SessionRecord | null = null;
  private unsubscribe: (() => void) | null = null;
  private goUntilMs = 0;
  private lastFrameMs = 0;
  private lastHudKey = ''; // '' = no hud (the stage starts empty)
  private lastPanelKey = '';
  private lastPanelMs = -Infinity;

  override connectedCallback(): void {
    super.connectedCallback();
    this.storeReady ??= SessionStore.open().then((s) => {
      this.store = s;
      s.onStatus = (st) => { this.storeStatus = st; };
      this.storeStatus = s.status;
      void this.refreshHistory();
      return s;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('paused') && this.paused !== null) this.framesSincePause = false;
    if (changed.has('frameSource')) {
      this.unsubscribe?.();
      this.unsubscribe = this.frameSource ? this.frameSource.onFrame((f) => this.pushFrame(f)) : null;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('screen') && changed.get('screen') !== undefined) void this.focusScreen();
    if (changed.has('screen')) this.wakeLock.keepAwake(this.screen === 'live');
    // No frame will come to refresh the stage: clear its cue and joint highlights now (and restore them later).
    if (changed.has('paused') && changed.get('paused') !== undefined) { this.updateHighlights(); this.emitHud(); }
    if (changed.has('framesSincePause')) { this.updateHighlights(); this.emitHud(); }
  }

  /** Keyboard users land on the new screen's main action instead of on a button that just disappeared. Only when
   * focus was in the coach already, so a screen change driven by frames never steals focus from elsewhere. */
  private async focusScreen(): Promise<void> {
    if (!this.matches(':focus-within') && document.activeElement !== document.body) return;
    const target = { live: ['live-panel', '[data-testid="end-set"]'], summary: [this.report ? 'single-leg-report-view' : 'set-summary-view', '[data-testid="next-set"], [data-testid="finish"]'],
      pick: ['exercise-picker', 'button'], history: ['history-view', 'button'] }[this.screen];
    const host = this.renderRoot.querySelector(target[0]!) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await host?.updateComplete;
    // Buttons of the summary live in our light DOM (slotted); others inside the child's shadow root.
    const el = (this.renderRoot.querySelector(target[1]!) ?? host?.shadowRoot?.querySelector(target[1]!)) as HTMLElement | null;
    el?.focus();
  }

  /** Feed one pose frame (the shell's pipeline calls this for every frame). */
  pushFrame(frame: PoseFrame): void {
    this.lastFrameMs = frame.timestampMs;
    if (!this.framesSincePause) this.framesSincePause = true;
    const s = this.session;
    if (this.screen !== 'live' || !s) return;
    this.recorder?.push(frame);
    let events: CoachEvent[];
    try {
      events = s.push(frame).events;
    } catch (e) {
      // A rule that throws must not break the pose pipeline that calls us: stop coaching and say why.
      this.coachError = `Coaching stopped: ${e instanceof Error ? e.message : String(e)}`;
      this.saveRecording(); // what was recorded up to the failure is kept (it may show why)
      this.session = null;
      this.screen = 'pick';
      this.updateHighlights();
      this.emitHud();
      return;
    }
    for (const e of events) this.onEvent(e, frame.timestampMs);
    this.updateHighlights();
    this.emitHud();
    // Re-render the panel at once when what it says changes (cue, count, state), otherwise at most every
    // PANEL_REFRESH_MS for the running numbers: every frame would re-lay out the page at camera rate for digits
    // nobody reads that fast (measured: most of the app's per-frame cost over bare inference).
    const key = this.panelKey(s);
    if (key !== this.lastPanelKey || !(frame.timestampMs - this.lastPanelMs < PANEL_REFRESH_MS)) {
      this.lastPanelKey = key;
      this.lastPanelMs = frame.timestampMs;
      this.tick++;
    }
  }

  /** What the live panel says in words and counts (not the running numbers). */
  private panelKey(s: CoachSession): string {
    const cue = currentCue(s.live);
    const hold = currentHold(s.live);
    return [this.screen, s.gate.status, countdownSeconds(s.gate), s.repsThisSide(), s.live.phase, cue?.code, cue?.side,
      cue?.severity, hold?.running, s.live.visibility?.code, s.live.holdEnds.length].join('|');
  }

  private onEvent(e: CoachEvent, t: number): void {
    const s = this.session!;
    switch (e.type) {
      case 'countdown': this.voice.announce(String(e.seconds), t); break;
      case 'go': this.goUntilMs = t + GO_MS; this.voice.announce('Go', t); break;
      case 'cue-on': this.voice.cue(`${e.cue.code}|${e.cue.side}`, spokenCue(e.cue.code, e.cue.side), t); break;
      case 'rep': break; // counted on screen; spoken on request
      case 'set-complete': void this.finishSet(e.summary, s); break;
    }
  }

  private updateHighlights(): void {
    if (!this.overlay) return;
    const s = this.session;
    const next: Partial<Record<KeypointName, string>> = {};
    if (s && this.screen === 'live' && !this.pauseText) {
      // Most severe last so it wins a joint shared by two cues.
      const order = { info: 0, warning: 1, fault: 2 } as const;
      for (const c of [...s.live.cues].sort((a, b) => order[a.severity] - order[b.severity])) {
        for (const j of c.joints) next[j] = SEVERITY_COLOUR[c.severity];
      }
    }
    const prev = this.overlay.highlights;
    const same = Object.keys(prev).length === Object.keys(next).length && Object.entries(next).every(([k, v]) => prev[k as KeypointName] === v);
    if (!same) this.overlay.highlights = next;
  }

  private hud(): StageHud | null {
    const s = this.session;
    if (!s || this.screen !== 'live' || this.pauseText) return null;
    const cue = currentCue(s.live);
    const vis = s.live.visibility;
    return {
      gate: s.gate,
      setupText: visibilityWords(s.gate.status === 'waiting' ? s.gate.reason : null, s.exercise.view, s.gate.status === 'waiting' ? s.gate.missing : []),
      cue: cue && !vis ? { text: cueLine(cue.code, cue.side), severity: cue.severity }
        : vis && s.gate.status === 'counting' ? { text: visibilityWords(vis.code, s.exercise.view, vis.missing), severity: 'info' }
        : s.gate.status === 'counting' && s.live.phase === 'setup' ? { text: this.startHint(s), severity: 'info' } : null,
      go: s.gate.status === 'counting' && this.lastFrameMs < this.goUntilMs,
    };
  }

  private startHint(s: CoachSession): string {
    return howToFor(s.exercise).startHint ?? 'Hold the start position still: counting begins then';
  }

  /** Told only when what the stage shows changes: each event re-renders the shell, at camera rate otherwise. */
  private emitHud(): void {
    const h = this.hud();
    const key = h ? [h.gate.status, countdownSeconds(h.gate), h.setupText, h.cue?.text, h.cue?.severity, h.go].join('|') : '';
    if (key === this.lastHudKey) return;
    this.lastHudKey = key;
    this.dispatchEvent(new CustomEvent<StageHud | null>('coach-hud', { detail: h, bubbles: true, composed: true }));
  }

  // ---------------------------------------------------------------- session flow

  private start = (e: CustomEvent<StartSessionDetail>) => {
    const def = this.exercises.find((x) => x.id === e.detail.exerciseId);
    if (!def) return;
    this.startSession(def, e.detail.plan);
  };

  /** Start a session (also used by tests). */
  startSession(def: ExerciseDefinition, plan: SessionPlan): void {
    const how = howToFor(def);
    this.coachError = null;
    this.saveRecording();
    this.session = new CoachSession(def, plan, {
      preferredMetrics: how.mainMetrics ?? [],
      keepSeries: isSingleLegTest(def) ? new RegExp(`${PELVIC_SERIES.source}|${TRUNK_SERIES.source}`, 'i') : undefined,
    });
    const now = new Date().toISOString();
    this.record = { id: newId(), schemaVersion: 1, exerciseId: def.id, exerciseName: def.name, group: def.group, startedAt: now, updatedAt: now, model: this.modelLabel || undefined, sets: [] };
    this.lastSummary = null;
    this.report = null;
    this.voice.resetCooldown();
    this.screen = 'live';
    this.emitHud();
  }

  private async finishSet(summary: SetSummary, s: CoachSession): Promise<void> {
    this.saveRecording();
    this.lastSummary = summary;
    if (isSingleLegTest(s.exercise)) {
      this.report = singleLegReport(s.summaries, { ...DEFAULT_SINGLE_LEG_REPORT, meanDropFlagDeg: this.dropThreshold(s.exercise) });
    }
    this.voice.announce(s.finished ? 'Done. Well done.' : 'Set complete', this.lastFrameMs);
    this.screen = 'summary';
    this.updateHighlights();
    this.emitHud();
    if (this.record) {
      this.record = { ...this.record, updatedAt: new Date().toISOString(), sets: [...s.summaries] };
      const store = this.store ?? (await this.storeReady);
      try {
        await store?.save(this.record);
      } catch (e) {
        this.storeStatus = { persistent: false, error: `The session could not be saved: ${e instanceof Error ? e.message : String(e)}` };
      }
      await this.refreshHistory();
    }
  }

  private dropThreshold(def: ExerciseDefinition): number {
    return ruleDefault(def, /pelvic.*drop.*deg|drop.*deg/i) ?? DEFAULT_SINGLE_LEG_REPORT.meanDropFlagDeg;
  }

  private endSet = () => {
    const s = this.session;
    if (!s || s.setDone) return;
    void this.finishSet(s.endSet(), s);
  };

  private nextSet = () => {
    if (this.session?.nextSet()) { this.screen = 'live'; this.voice.resetCooldown(); this.emitHud(); }
  };

  private stopSession = () => {
    this.saveRecording();
    const s = this.session;
    if (s && !s.setDone && s.live.startedAtMs !== null && (s.live.reps.length > 0 || Object.keys(s.live.holds).length > 0)) {
      // Keep what was done: end the set (saved) before leaving.
      void this.finishSet(s.endSet(), s).then(() => { this.screen = 'pick'; this.session = null; this.emitHud(); });
      return;
    }
    this.session = null;
    this.screen = 'pick';
    this.updateHighlights();
    this.emitHud();
  };

  private async refreshHistory(): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.history = await store.list();
    this.storeStatus = store.status;
  }

  private deleteSession = async (e: CustomEvent<string>) => {
    try {
      await this.store?.remove(e.detail);
    } catch { /* status carries the message */ }
    await this.refreshHistory();
  };

  // ---------------------------------------------------------------- render

  override render() {
    return html`
      <nav aria-label="Coach">
        <button aria-current=${this.screen !== 'history' ? 'page' : 'false'} @click=${this.showTraining}>Train</button>
        <button aria-current=${this.screen === 'history' ? 'page' : 'false'} @click=${this.showHistory} data-testid="nav-history">History</button>
      </nav>
      ${this.storeStatus.error && this.screen !== 'history' ? html`<p class="error" role="alert" data-testid="storage-error">⚠ ${this.storeStatus.error}</p>` : nothing}
      ${this.voice.error ? html`<p class="error" role="alert">⚠ ${this.voice.error}</p>` : nothing}
      ${this.coachError ? html`<p class="error" role="alert" data-testid="coach-error">⚠ ${this.coachError}</p>` : nothing}
      ${this.renderScreen()}`;
  }

  private showTraining = () => {
    this.screen = this.session ? (this.session.setDone ? 'summary' : 'live') : 'pick';
    this.emitHud();
  };

  private showHistory = () => {
    this.screen = 'history';
    this.emitHud();
    this.updateHighlights();
    void this.refreshHistory();
  };

  private renderScreen() {
    switch (this.screen) {
      case 'pick':
        return html`<exercise-picker .exercises=${this.exercises} @start-session=${this.start}></exercise-picker>`;
      case 'live':
        return html`<live-panel .model=${this.panelModel()} @end-set=${this.endSet} @stop-session=${this.stopSession}
          @say-count=${this.sayCount} @record-toggle=${this.toggleRecording} @voice-toggle=${(e: CustomEvent<boolean>) => { this.voice.setEnabled(e.detail); this.tick++; }}></live-panel>`;
      case 'summary':
        return this.renderAfterSet();
      case 'history':
        return html`<history-view .records=${this.history.records} .unsaved=${this.history.unsaved} .invalid=${this.history.invalid}
          .error=${this.storeStatus.error} @delete-session=${this.deleteSession}></history-view>`;
    }
  }

  private sayCount = () => {
    const s = this.session;
    if (!s) return;
    const n = s.repsThisSide();
    const hold = currentHold(s.live);
    const text = s.plan.reps === null && n === 0
      ? `${Math.floor((hold?.elapsedMs ?? 0) / 1000)} seconds`
      : `${n} ${n === 1 ? 'rep' : 'reps'}`;
    this.voice.announce(text, this.lastFrameMs);
  };

  private renderAfterSet() {
    const s = this.session;
    if (!s) return nothing;
    const more = !s.finished;
    const nextSide = s.plan.sets[s.setIndex + 1];
    const actions = html`<div class="row after">
      ${more ? html`<button class="primary" @click=${this.nextSet} data-testid="next-set">${isSingleLegTest(s.exercise) && nextSide ? `Test the ${nextSide} leg` : `Next set${nextSide ? ` (${nextSide})` : ''}`}</button>` : nothing}
      <button class=${more ? '' : 'primary'} @click=${() => { this.session = null; this.screen = 'pick'; this.emitHud(); }} data-testid="finish">${more ? 'Finish here' : 'Done'}</button>
      <button @click=${this.showHistory}>See history</button>
    </div>`;
    if (isSingleLegTest(s.exercise) && this.report) {
      return html`<single-leg-report-view .report=${this.report} .thresholdDeg=${this.dropThreshold(s.exercise)}>${actions}</single-leg-report-view>`;
    }
    return html`<set-summary-view .summary=${this.lastSummary} .sessionAsymmetry=${sessionAsymmetry(s.summaries)}
      heading=${`${s.exercise.name}: set ${s.setIndex + 1} of ${s.plan.sets.length}`}>${actions}</set-summary-view>`;
  }

  private panelModel(): LivePanelModel | null {
    const s = this.session;
    if (!s) return null;
    const counting = s.gate.status === 'counting';
    const hold = currentHold(s.live);
    const paused = this.pauseText;
    const cue = paused ? null : currentCue(s.live);
    const isHoldPlan = s.plan.reps === null;
    const hud = this.hud();
    return {
      exerciseName: s.exercise.name,
      setNo: s.setIndex + 1,
      setCount: s.plan.sets.length,
      sideLabel: s.side ? `${sideWord(s.side)} ${howToFor(s.exercise).sideMeaning?.toLowerCase() ?? 'side'}` : null,
      status: paused ? 'paused' : counting ? 'counting' : 'setup',
      statusText: paused ? paused : counting ? (s.live.visibility ? visibilityWords(s.live.visibility.code, s.exercise.view, s.live.visibility.missing)
        : s.live.phase === 'setup' ? this.startHint(s) : 'Counting') :
        s.gate.status === 'countdown' ? `Starting in ${Math.ceil(s.gate.remainingMs / 1000)}…` :
        s.gate.status === 'ready' ? 'Ready: hold still' : hud?.setupText ?? '',
      reps: isHoldPlan && s.live.reps.length === 0 ? null : s.repsThisSide(),
      repTarget: s.plan.reps,
      hold: hold || isHoldPlan ? {
        elapsedS: ((hold?.elapsedMs ?? 0) / 1000).toFixed(1),
        targetS: (((hold?.targetMs ?? s.plan.holdMs) ?? 0) / 1000).toFixed(0),
        running: !paused && (hold?.running ?? false),
        holdNo: (s.plan.holds ?? 1) > 1 ? Math.min(s.live.holdEnds.length + 1, s.plan.holds!) : null,
        holdCount: (s.plan.holds ?? 1) > 1 ? s.plan.holds! : null,
      } : null,
      measures: paused ? [] : Object.values(s.live.measures).slice(0, 4).map((m) => ({
        label: `${metricLabel(m.code)}${m.side !== 'both' ? ` (${m.side})` : ''}`, value: formatValue(m.code, m.value, m.unit),
      })),
      cue: cue ? { text: cueLine(cue.code, cue.side), severity: cue.severity } : null,
      voiceAvailable: this.voice.available,
      voiceOn: this.voice.enabled,
      recording: this.recorder ? this.recordingLabel() : null,
    };
  }

  // ---------------------------------------------------------------- keypoint recorder

  private recordingLabel(): string {
    const r = this.recorder!;
    return `Save recording (${r.frameCount} frames${r.full ? ', limit reached' : ''})`;
  }

  private toggleRecording = () => {
    if (this.recorder) { this.saveRecording(); return; }
    const s = this.session, c = this.capture;
    if (!s) return;
    const overrides = { ...(ruleConfig(s.exercise, s.side, s.plan.holdMs) as Record<string, unknown>) };
    delete overrides.side; // the fixture's exercise.side carries it
    this.recorder = new FixtureRecorder({
      exerciseId: s.exercise.id,
      ...(s.side ? { side: s.side } : {}),
      configOverrides: overrides,
      model: { id: c?.modelId ?? 'lightning', version: c?.modelVersion ?? 'unknown' },
      backend: c?.backend ?? 'unknown',
      smoothing: c?.smoothing ?? null,
      view: s.exercise.view,
      description: c?.source === 'file'
        ? `in-app recording of the video file "${c.sourceLabel}" (add its origin and licence before committing)`
        : `in-app recording, live camera${c?.sourceLabel ? ` (${c.sourceLabel})` : ''}`,
    });
  };

  /** Downloads the recording as a fixture file (unlabelled, schema-checked) and ends it. Nothing recorded: no file. */
  private saveRecording = () => {
    const r = this.recorder;
    if (!r) return;
    this.recorder = null;
    if (r.frameCount === 0) return;
    const stamp = new Date().toISOString();
    const id = this.session?.exercise.id ?? 'session';
    try {
      const json = r.toJson(`camera/${stamp.slice(0, 10)}-${id}`, stamp);
      downloadText(this.renderRoot, `fixture-${id}-${stamp.replace(/[:.]/g, '-')}.json`, json, 'application/json');
    } catch (e) {
      this.coachError = `The recording could not be saved: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap { 'coach-view': CoachView }
  interface HTMLElementEventMap { 'coach-hud': CustomEvent<StageHud | null> }
}
