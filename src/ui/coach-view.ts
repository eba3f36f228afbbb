// <coach-view>: the coaching experience around the shell's video. Screens: exercise picker -> live set (camera
// placement check before the first set, set-up guidance, countdown, counting; shown in the distance view) -> set
// summary (or the single-leg test report) -> next set / done; the programme (Today, weeks, steps; a programme
// session runs its exercises in order), history with progress, and the printable report.
// It renders and dispatches: the session is a pure reducer (src/coach) held by SessionController; storage, the
// keypoint recorder, voice, the stage over the video, the placement check, the programme and the keyboard
// shortcuts each live in a controller (./controllers).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PoseFrame } from '../core/pose-frame';
import type { ExerciseDefinition } from '../rules/engine/types';
import { hasWork, isFinished, sessionSpec, type CoachEvent, type SessionPlan } from '../coach/coach-session';
import { singleLegReport, DEFAULT_SINGLE_LEG_REPORT, type SingleLegReport } from '../coach/single-leg-report';
import { sessionAsymmetry, type SetSummary } from '../coach/set-summary';
import type { PlacementState } from '../coach/placement';
import { localDay } from '../coach/trends';
import { sessionName } from '../exercises-content/programme-words';
import type { ProgrammeTag } from '../storage/session-record';
import { SessionController, type FrameSource } from './controllers/session-controller';
import { HistoryController } from './controllers/history-controller';
import { RecorderController, recordingMeta, type CaptureInfo } from './controllers/recorder-controller';
import { VoiceController } from './controllers/voice-controller';
import { WakeLockController } from './controllers/wake-lock-controller';
import { StageController, type JointHighlighter } from './controllers/stage-controller';
import { PlacementController } from './controllers/placement-controller';
import { ProgrammeController, type ProgrammeChoice } from './controllers/programme-controller';
import { FullscreenController } from './controllers/fullscreen-controller';
import { ShortcutsController, spaceAction, type ShortcutKey } from './controllers/shortcuts-controller';
import {
  countWords, dropThreshold, isSingleLegTest, jointHighlights, nextSetLabel, panelModel, placementHeadline, placementStageHud, stageHud,
  summariseOptionsFor,
} from './live-view-model';
import type { StartSessionDetail } from './exercise-picker';
import { focusScreen } from './focus-screen';
import { afterSetParts, coachNav, errorBanners, type CoachScreen } from './coach-templates';
import { baseStyles } from './theme';
import { coachViewStyles } from './coach-view-styles';
import './exercise-picker';
import './live-panel';
import './set-summary-view';
import './single-leg-report-view';
import './history-view';
import './programme-view';
import './clinician-report-view';

export type { CaptureInfo, FrameSource, JointHighlighter };
export type Screen = CoachScreen;

/** How long "Go!" stays up after the countdown (ms of frame time). */
const GO_MS = 700;
/** How long "Camera placement looks good" stays up once the check passed (ms of frame time). */
const PLACEMENT_OK_MS = 2500;
const todayLocal = () => localDay(new Date().toISOString());

export interface StartOptions {
  /** The programme session and step this exercise is done for (written on the session record). */
  tag?: ProgrammeTag;
  /** Run the camera placement check before the first set (default: the `placement-check` property). */
  placement?: boolean;
}

@customElement('coach-view')
export class CoachView extends LitElement {
  static override styles = [baseStyles, coachViewStyles];

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
  /** Check the camera placement before the first set of a session (the shell sets it for a live camera). */
  @property({ type: Boolean, attribute: 'placement-check' }) placementCheck = false;
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
  private readonly placement = new PlacementController(this);
  readonly programme = new ProgrammeController(this);
  private readonly shortcuts = new ShortcutsController(this, (k) => this.onShortcut(k));
  private readonly fullscreen = new FullscreenController(this);
  private readonly live = new SessionController(this, {
    coaching: () => this.screen === 'live' && !this.placement.active,
    beforeFrame: (f) => this.recorder.push(f),
    onEvents: (events, t) => this.onEvents(events, t),
    onError: (message) => { this.coachError = message; this.saveRecording(); this.screen = 'pick'; },
    afterFrame: () => this.stage.sync(),
  });
  private readonly stage = new StageController(this, () => {
    const s = this.live.current;
    const shown = s && this.screen === 'live' && !this.pauseText ? s : null;
    const checking = this.placement.active ? this.placement.state : null;
    return {
      hud: shown ? (checking ? placementStageHud(shown, checking) : stageHud(shown, this.live.lastFrameMs < this.goUntilMs, this.live.lastFrameMs < this.placementOkUntilMs)) : null,
      highlights: shown && !checking ? jointHighlights(shown.state.live) : {},
      overlay: this.overlay,
    };
  });
  private goUntilMs = 0;
  private placementOkUntilMs = 0;

  /** The camera placement check's state while one runs or after it passed (null after "Start anyway" or none). */
  get placementStatus(): PlacementState | null { return this.placement.state; }

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
    // The distance view while a set runs and the picture is live; paused (camera off or lost), the normal page with
    // the shell's camera controls comes back.
    const distance = this.screen === 'live' && !this.pauseText;
    if (distance !== this.distance) {
      this.distance = distance;
      this.toggleAttribute('distance', distance);
      this.dispatchEvent(new CustomEvent<boolean>('coach-distance', { detail: distance, bubbles: true, composed: true }));
    }
  }

  /** Whether the distance view shows (told to the shell with a `coach-distance` event when it changes). */
  private distance = false;

  /** Feed one pose frame (the shell's pipeline calls this for every frame). */
  pushFrame(frame: PoseFrame): void {
    if (!this.framesSincePause) this.framesSincePause = true;
    if (this.placement.active && this.screen === 'live') {
      if (this.placement.push(frame)) {
        this.placementOkUntilMs = frame.timestampMs + PLACEMENT_OK_MS;
        this.voice.announce('Camera looks good', frame.timestampMs);
        // "End set" appears now: a keyboard user lands on it (the focus was on the page or in the coach).
        void this.updateComplete.then(() => focusScreen(this, 'live', false));
      }
    }
    this.live.push(frame);
    if (this.placement.active || this.placementOkUntilMs > 0) this.stage.sync();
  }

  /** Start a session (also used by tests): the camera placement check first when asked for, then the sets. */
  startSession(def: ExerciseDefinition, plan: SessionPlan, options: StartOptions = {}): void {
    this.coachError = null;
    this.saveRecording();
    this.live.start(sessionSpec(def, plan, summariseOptionsFor(def)));
    this.history.begin(def, this.modelLabel, { programme: options.tag });
    if (options.placement ?? this.placementCheck) this.placement.begin(def.view);
    else this.placement.clear();
    this.placementOkUntilMs = 0;
    this.lastSummary = null;
    this.report = null;
    this.voice.resetCooldown();
    this.screen = 'live';
  }

  /** Start a programme session (by its occurrence id): its exercises still to do, in order. */
  startProgrammeSession(occurrenceId: string): void {
    if (this.programme.startQueueById(this.history.list.records, todayLocal(), occurrenceId)) this.startProgrammeItem();
  }

  private startProgrammeItem(): void {
    const next = this.programme.currentStart(this.exercises);
    if (next && 'error' in next) this.coachError = next.error;
    else if (next) this.startSession(next.def, next.plan, { tag: next.tag });
  }

  private get programmeState() { return this.programme.state(this.history.list.records, todayLocal()); }

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
  private nextExercise = () => {
    if (this.programme.advance()) this.startProgrammeItem();
  };
  private finish = () => {
    this.live.clear();
    this.placement.clear();
    if (this.programme.queue) { this.programme.closeQueue(); this.screen = 'programme'; return; }
    this.screen = 'pick';
  };
  private startAnyway = () => this.placement.skip();
  /** The shell decides what goes full screen (the panel's button sends the same event, which bubbles up by itself). */
  private toggleFullscreen = () => this.dispatchEvent(new CustomEvent('toggle-fullscreen', { bubbles: true, composed: true }));
  private stopSession = () => {
    this.saveRecording();
    const s = this.live.current;
    // Keep what was done: end the set (saved) before leaving.
    if (s && hasWork(s.state)) this.live.endSet();
    this.finish();
  };
  private showTraining = () => { this.screen = this.live.current ? (this.live.setEnded ? 'summary' : 'live') : 'pick'; };
  private showHistory = () => { this.screen = 'history'; void this.history.refresh(); };
  private showProgramme = () => { this.screen = 'programme'; void this.history.refresh(); };
  private showReport = () => { this.screen = 'report'; void this.history.refresh(); };
  private onProgrammeChange = (e: CustomEvent<ProgrammeChoice>) => { void this.programme.change(e.detail); };
  private onProgrammeRun = (e: CustomEvent<string>) => this.startProgrammeSession(e.detail);

  /** Space: start or end the set (or the next one); V: voice on or off; F: full screen. */
  private onShortcut(key: ShortcutKey): boolean {
    if (key === 'v') {
      if (!this.voice.available) return false;
      this.voice.setEnabled(!this.voice.enabled);
      return true;
    }
    if (key === 'f') { this.toggleFullscreen(); return true; }
    const s = this.live.current;
    const action = spaceAction({
      screen: this.screen, session: !!s, liveBusy: this.placement.active || this.live.setEnded,
      finished: !!s && isFinished(s.spec, s.state), nextItem: !!this.programme.nextItem,
    });
    if (action === 'end-set') this.endSet();
    else if (action === 'next-set') this.nextSet();
    else if (action === 'next-exercise') this.nextExercise();
    else if (action === 'start-selected') return this.renderRoot.querySelector('exercise-picker')?.startSelected() ?? false;
    return action !== null;
  }
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
      ${coachNav(this.screen, { training: this.showTraining, programme: this.showProgramme, history: this.showHistory, report: this.showReport })}
      ${errorBanners([
        { message: this.screen !== 'history' ? storeError : null, testid: 'storage-error' },
        { message: this.screen === 'programme' ? this.programme.status.error : null },
        { message: this.voice.error },
        { message: this.coachError, testid: 'coach-error' },
      ])}
      ${this.renderScreen()}`;
  }

  private renderScreen() {
    const s = this.live.current;
    switch (this.screen) {
      case 'pick':
        return html`<exercise-picker .exercises=${this.exercises} @start-session=${this.start}></exercise-picker>`;
      case 'live': {
        if (!s) return nothing;
        const checking = this.placement.active && !this.pauseText ? this.placement.state : null;
        return html`<live-panel ?compact=${!this.pauseText} .model=${{
          ...panelModel(s, { paused: this.pauseText, voiceAvailable: this.voice.available, voiceOn: this.voice.enabled, recording: this.recorder.label }),
          ...(checking ? { status: 'setup' as const, statusText: placementHeadline(checking) } : {}),
          // A programme exercise goes by its step's name ("Glute bridge, knees pressing out").
          ...(this.programme.currentItem ? { exerciseName: this.programme.currentItem.step.title } : {}),
          placementCheck: this.placement.active,
          fullscreen: document.fullscreenEnabled ? { on: document.fullscreenElement !== null } : null,
        }}
          @end-set=${this.endSet} @stop-session=${this.stopSession} @say-count=${this.sayCount} @record-toggle=${this.toggleRecording}
          @placement-override=${this.startAnyway}
          @voice-toggle=${(e: CustomEvent<boolean>) => this.voice.setEnabled(e.detail)}></live-panel>`;
      }
      case 'summary':
        return this.renderAfterSet();
      case 'history': {
        const h = this.history.list;
        return html`<history-view .records=${h.records} .unsaved=${h.unsaved} .invalid=${h.invalid} .progress=${this.programme.historyProgress(h.records, todayLocal())}
          .error=${this.history.status.error} @delete-session=${this.deleteSession}></history-view>`;
      }
      case 'programme':
        return html`<programme-view .plan=${this.programme.plan} .programme=${this.programmeState} start-day=${this.programme.run?.startDay ?? ''}
          .error=${this.programme.error} @programme-begin=${() => void this.programme.begin(todayLocal())}
          @programme-end=${() => void this.programme.end()} @programme-change=${this.onProgrammeChange} @programme-run=${this.onProgrammeRun}></programme-view>`;
      case 'report':
        return html`<clinician-report-view .report=${this.programme.clinicianReport(this.history.list.records, todayLocal())}></clinician-report-view>`;
    }
  }

  private renderAfterSet() {
    const s = this.live.current;
    if (!s) return nothing;
    const def = s.spec.exercise;
    const next = nextSetLabel(s, isSingleLegTest(def));
    const queue = this.programme.queue;
    const { note: programmeNote, actions } = afterSetParts({
      next, nextItemTitle: next ? null : this.programme.nextItem?.step.title ?? null,
      programme: queue ? { sessionName: sessionName(queue.occurrence), index: queue.index, count: queue.items.length } : null,
    }, { nextSet: this.nextSet, nextExercise: this.nextExercise, finish: this.finish, history: this.showHistory });
    if (isSingleLegTest(def) && this.report) {
      return html`${programmeNote}<single-leg-report-view .report=${this.report} .thresholdDeg=${dropThreshold(def)}>${actions}</single-leg-report-view>`;
    }
    return html`${programmeNote}<set-summary-view .summary=${this.lastSummary} .sessionAsymmetry=${sessionAsymmetry(s.state.summaries)}
      heading=${`${def.name}: set ${s.state.setIndex + 1} of ${s.spec.plan.sets.length}`}>${actions}</set-summary-view>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'coach-view': CoachView }
}
