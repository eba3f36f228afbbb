// PlacementController: the camera placement check before the first set of a session, for a Lit host. Holds the
// pure check's state (src/coach/placement.ts), steps it on each frame while it runs, and re-renders the host only
// when what the screen says changes. It ends when the check passes, or when the user starts anyway.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame } from '../../core/pose-frame';
import { initialPlacement, placementVerdict, stepPlacement, type PlacementState } from '../../coach/placement';
import type { CameraView } from '../../rules/engine/types';

export class PlacementController implements ReactiveController {
  state: PlacementState | null = null;
  /** How the last check ended: passed, or the user started without it. Null before any. */
  outcome: 'passed' | 'skipped' | null = null;
  /** Frame time the check passed (the stage confirms it for a moment). */
  passedAtMs: number | null = null;
  private lastKey = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get active(): boolean { return this.state !== null && this.state.phase !== 'done'; }

  begin(view: CameraView): void {
    this.state = initialPlacement(view);
    this.outcome = null;
    this.passedAtMs = null;
    this.lastKey = '';
    this.host.requestUpdate();
  }

  /** One frame; true when the check passed on it. */
  push(frame: PoseFrame): boolean {
    if (!this.state || !this.active) return false;
    this.state = stepPlacement(this.state, frame);
    const v = placementVerdict(this.state);
    const key = JSON.stringify([v, this.state.judged?.lowerSide, this.state.missing, Math.round(this.state.progress * 10)]);
    if (key !== this.lastKey) { this.lastKey = key; this.host.requestUpdate(); }
    if (this.state.phase !== 'done') return false;
    this.outcome = 'passed';
    this.passedAtMs = frame.timestampMs;
    return true;
  }

  /** The user starts the set without a good placement. */
  skip(): void {
    if (!this.active) return;
    this.state = null;
    this.outcome = 'skipped';
    this.host.requestUpdate();
  }

  clear(): void {
    this.state = null;
    this.host.requestUpdate();
  }
}
