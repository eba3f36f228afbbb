// SessionController: holds the coaching session (the pure reducer's spec and state) for a Lit host, listens to the
// frame source while the host is on the page, feeds the session the frames and the user's actions, and hands the
// resulting events to the host. Re-renders the host at once when
// what the live panel says changes, and otherwise at most every PANEL_REFRESH_MS for the running numbers.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame, Side } from '../../core/pose-frame';
import {
  createSession, isFinished, repsThisSide, sideOf, stepSession,
  type CoachEvent, type SessionInput, type SessionSpec, type SessionState,
} from '../../coach/coach-session';
import type { LiveSet } from '../../coach/live-set';
import type { SetSummary } from '../../coach/set-summary';
import type { SetupGate } from '../../coach/setup-gate';
import { panelKey, type LiveSession } from '../live-view-model';
import { errorText } from '../../core/error-text';

/** The live panel's running numbers (angles, hold time) refresh at least this often (ms of frame time). Our default:
 * ~8 Hz reads as live; changes in words or counts show at once. Every frame would re-lay out the page at camera
 * rate for digits nobody reads that fast (measured: most of the app's per-frame cost over bare inference). */
const PANEL_REFRESH_MS = 125;

export interface SessionHooks {
  /** Frames are coached only while this holds (the live screen shows). */
  coaching(): boolean;
  /** Each coached frame, before the session sees it (the keypoint recorder). */
  beforeFrame(frame: PoseFrame): void;
  /** What one input made happen, at that frame time. */
  onEvents(events: CoachEvent[], timestampMs: number): void;
  /** The rule threw on a frame: the session is cleared, and this says why. */
  onError(message: string): void;
  /** After each coached frame (the stage over the video follows every frame; the panel does not). */
  afterFrame(): void;
}

/** Where frames come from (the shell's pose pipeline). */
export interface FrameSource { onFrame(listener: (frame: PoseFrame) => void): () => void }

export class SessionController implements ReactiveController {
  spec: SessionSpec | null = null;
  state: SessionState | null = null;
  /** Timestamp of the latest frame seen, coached or not (voice timing, the "Go!" banner). */
  lastFrameMs = 0;
  private lastPanelKey = '';
  private lastPanelMs = -Infinity;
  private source: { source: FrameSource; onFrame: (frame: PoseFrame) => void } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly hooks: SessionHooks) {
    host.addController(this);
  }

  /** Frames from `source` go to `onFrame` while the host is on the page, until another source is given. */
  listen(source: FrameSource | null, onFrame: (frame: PoseFrame) => void): void {
    this.unsubscribe?.();
    this.source = source ? { source, onFrame } : null;
    this.unsubscribe = source ? source.onFrame(onFrame) : null;
  }

  hostConnected(): void {
    // Put back on the page: listen again to the source it had.
    if (this.source && !this.unsubscribe) this.unsubscribe = this.source.source.onFrame(this.source.onFrame);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** The session as the screens read it, or null when none runs. */
  get current(): LiveSession | null { return this.spec && this.state ? { spec: this.spec, state: this.state } : null; }
  get gate(): SetupGate | null { return this.state?.gate ?? null; }
  get live(): LiveSet | null { return this.state?.live ?? null; }
  get summaries(): readonly SetSummary[] { return this.state?.summaries ?? []; }
  get side(): Side | null { return this.spec && this.state ? sideOf(this.spec, this.state) : null; }
  get setEnded(): boolean { return this.state?.set === 'ended'; }
  get finished(): boolean { return !!this.spec && !!this.state && isFinished(this.spec, this.state); }
  repsThisSide(): number { return this.spec && this.state ? repsThisSide(this.spec, this.state) : 0; }

  start(spec: SessionSpec): void {
    this.spec = spec;
    this.state = createSession(spec);
    this.lastPanelKey = '';
    this.host.requestUpdate();
  }

  clear(): void {
    this.spec = null;
    this.state = null;
    this.host.requestUpdate();
  }

  /** One pose frame (the shell's pipeline calls this for every frame). */
  push(frame: PoseFrame): void {
    this.lastFrameMs = frame.timestampMs;
    if (!this.state || !this.hooks.coaching()) return;
    this.hooks.beforeFrame(frame);
    try {
      this.dispatch({ type: 'frame', frame }, frame.timestampMs);
    } catch (e) {
      // A rule that throws must not break the pose pipeline that calls us: stop coaching and say why.
      this.spec = null;
      this.state = null;
      this.hooks.onError(`Coaching stopped: ${errorText(e)}`);
      this.host.requestUpdate();
      return;
    }
    this.hooks.afterFrame();
    const now = this.current;
    if (!now) return;
    const key = panelKey(now);
    if (key !== this.lastPanelKey || !(frame.timestampMs - this.lastPanelMs < PANEL_REFRESH_MS)) {
      this.lastPanelKey = key;
      this.lastPanelMs = frame.timestampMs;
      this.host.requestUpdate();
    }
  }

  /** End the set in progress now (by hand). */
  endSet(): void { this.dispatch({ type: 'end-set' }, this.lastFrameMs); }

  /** Next set of the plan; false when there is none (or the current one has not ended). */
  nextSet(): boolean {
    const before = this.state?.setIndex;
    this.dispatch({ type: 'next-set' }, this.lastFrameMs);
    return this.state !== null && this.state.setIndex !== before;
  }

  private dispatch(input: SessionInput, timestampMs: number): void {
    if (!this.spec || !this.state) return;
    const r = stepSession(this.state, input, this.spec);
    const changed = r.state !== this.state;
    this.state = r.state;
    if (r.events.length) this.hooks.onEvents(r.events, timestampMs);
    if (changed && input.type !== 'frame') this.host.requestUpdate();
  }
}
