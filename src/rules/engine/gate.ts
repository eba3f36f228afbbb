// The common front of every exercise step: visibility gating, then the (debounced) view check.
// If the frame cannot be judged, the exercise emits only the returned 'visibility' finding: no cue, no rep,
// no measurement from this frame, and it must reset its fault trackers (no stale cues across dropouts).
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';
import type { CommonConfig } from './config';
import { midpoint } from '../../core/geometry';
import { torsoPx, type TorsoPoints } from './body';
import { stepIdentity, type IdentityState } from './identity';
import { stepViewCheck, shoulderWidthRatio, type ViewCheckState } from './view-check';
import { checkVisibility, visibilityFinding } from './visibility';
import type { CameraView, Finding, FindingSide, Severity } from './types';

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

export function cue(
  code: string, side: FindingSide, severity: Severity, timestampMs: number, joints: KeypointName[], value?: number,
): Finding {
  return value === undefined || Number.isNaN(value)
    ? { kind: 'cue', code, side, severity, timestampMs, joints }
    : { kind: 'cue', code, side, severity, timestampMs, joints, value };
}

export function measure(
  code: string, side: FindingSide, value: number, unit: 'deg' | 'ratio' | 'ms' | 'count', timestampMs: number,
): Finding {
  return { kind: 'measure', code, side, value, unit, timestampMs };
}

export const phaseFinding = (phase: 'setup' | 'active' | 'done', timestampMs: number): Finding =>
  ({ kind: 'phase', phase, timestampMs });

/** 'left'/'right' for sided findings. */
export const asFindingSide = (s: Side): FindingSide => s;

/**
 * True when the last judged frame lies more than `dropoutHoldMs` back: joints were lost for longer than a short
 * dropout, so nothing from before the loss (debounced faults, smoothed signals, stillness) may be carried on.
 */
export function lostTooLong(lastJudgedMs: number | null, timestampMs: number, cfg: Pick<CommonConfig, 'dropoutHoldMs'>): boolean {
  return lastJudgedMs !== null && timestampMs - lastJudgedMs > cfg.dropoutHoldMs;
}
