// The common front of every checker step: visibility gating, the optional person-switch guard, then the
// (debounced) view check, and the dropout rule (docs/biomechanics.md#dropouts). If the frame cannot be judged, the
// checker emits the returned 'visibility' finding: no cue, no rep, no measurement from this frame. Its debounced
// states, filters and timers wait; if the next judged frame comes more than `dropoutHoldMs` after the last one
// (`fresh`), nothing from before the loss may be carried on.
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import type { CommonConfig } from './config';
import { midpoint } from '../../core/geometry';
import { torsoPx, type TorsoPoints } from './body';
import { INITIAL_IDENTITY, stepIdentity, type IdentityState } from './identity';
import { INITIAL_VIEW_CHECK, stepViewCheck, shoulderWidthRatio, type ViewCheckState } from './view-check';
import { checkVisibility, visibilityFinding } from './visibility';
import type { CameraView, Finding } from './types';

export type GateResult =
  | { ok: true; view: ViewCheckState; torso: TorsoPoints | null; identity?: IdentityState }
  | { ok: false; view: ViewCheckState; finding: Finding; identity?: IdentityState };

/**
 * @param identity optional person-switch guard state (engine/identity.ts). When given, a torso that jumps farther
 *   than a person can move between frames makes the frame NO_PERSON (missing: []) until it comes back or stays at
 *   the new place for `reacquireMs`; the result carries the next identity state. Omit it to skip the guard.
 */
export function gateFrame(
  frame: PoseFrame,
  required: readonly KeypointName[],
  needed: CameraView,
  viewState: ViewCheckState,
  cfg: CommonConfig,
  identity?: IdentityState,
): GateResult {
  const vis = checkVisibility(frame, required, cfg);
  if (!vis.ok) return { ok: false, view: viewState, finding: visibilityFinding(vis, frame.timestampMs), identity };
  const torso = torsoPx(frame, cfg);
  let id = identity;
  if (id && torso) {
    const r = stepIdentity(id, midpoint(torso.midShoulder, torso.midHip), torso.lengthPx, frame.timestampMs, cfg);
    id = r.state;
    if (!r.ok) {
      return { ok: false, view: viewState, identity: id, finding: { kind: 'visibility', code: 'NO_PERSON', missing: [], timestampMs: frame.timestampMs } };
    }
  }
  if (!cfg.viewCheck || !torso) return { ok: true, view: viewState, torso, identity: id };
  const view = stepViewCheck(viewState, shoulderWidthRatio(torso.ls, torso.rs, torso.lh, torso.rh), needed, frame.timestampMs, cfg);
  if (view.active) {
    return { ok: false, view, identity: id, finding: { kind: 'visibility', code: 'WRONG_VIEW', missing: [], timestampMs: frame.timestampMs } };
  }
  return { ok: true, view, torso, identity: id };
}

/**
 * True when the last judged frame lies more than `dropoutHoldMs` back: joints were lost for longer than a short
 * dropout, so nothing from before the loss (debounced faults, smoothed signals, stillness) may be carried on.
 */
export function lostTooLong(lastJudgedMs: number | null, timestampMs: number, cfg: Pick<CommonConfig, 'dropoutHoldMs'>): boolean {
  return lastJudgedMs !== null && timestampMs - lastJudgedMs > cfg.dropoutHoldMs;
}

// ------------------------------------------------------------------ the gate's state in a checker

export interface GateState {
  readonly view: ViewCheckState;
  readonly identity: IdentityState;
  /** Last frame the checker judged (set with `judged`), for the dropout rule. */
  readonly lastJudgedMs: number | null;
}
export const INITIAL_GATE: GateState = Object.freeze({ view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, lastJudgedMs: null });

export type GateStep =
  | { ok: true; state: GateState; torso: TorsoPoints | null; /** Lost for longer than dropoutHoldMs before this frame. */ fresh: boolean }
  | { ok: false; state: GateState; finding: Finding };

/** gateFrame on a checker's GateState. `trackPerson` turns the person-switch guard on (upright exercises). */
export function stepGate(s: GateState, frame: PoseFrame, required: readonly KeypointName[], needed: CameraView, cfg: CommonConfig, trackPerson: boolean): GateStep {
  const g = gateFrame(frame, required, needed, s.view, cfg, trackPerson ? s.identity : undefined);
  const state: GateState = { view: g.view, identity: g.identity ?? s.identity, lastJudgedMs: s.lastJudgedMs };
  if (!g.ok) return { ok: false, state, finding: g.finding };
  return { ok: true, state, torso: g.torso, fresh: lostTooLong(s.lastJudgedMs, frame.timestampMs, cfg) };
}

/** The gate state after the checker judged this frame. */
export const judged = (s: GateState, timestampMs: number): GateState => ({ ...s, lastJudgedMs: timestampMs });
