// The common front of every exercise step: visibility gating, then the (debounced) view check.
// If the frame cannot be judged, the exercise emits only the returned 'visibility' finding: no cue, no rep,
// no measurement from this frame, and it must reset its fault trackers (no stale cues across dropouts).
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';
import type { CommonConfig } from './config';
import { torsoPx, type TorsoPoints } from './body';
import { stepViewCheck, shoulderWidthRatio, type ViewCheckState } from './view-check';
import { checkVisibility, visibilityFinding } from './visibility';
import type { CameraView, Finding, FindingSide, Severity } from './types';

export type GateResult =
  | { ok: true; view: ViewCheckState; torso: TorsoPoints | null }
  | { ok: false; view: ViewCheckState; finding: Finding };

export function gateFrame(
  frame: PoseFrame,
  required: readonly KeypointName[],
  needed: CameraView,
  viewState: ViewCheckState,
  cfg: CommonConfig,
): GateResult {
  const vis = checkVisibility(frame, required, cfg);
  if (!vis.ok) return { ok: false, view: viewState, finding: visibilityFinding(vis, frame.timestampMs) };
  const torso = torsoPx(frame, cfg);
  if (!cfg.viewCheck || !torso) return { ok: true, view: viewState, torso };
  const view = stepViewCheck(viewState, shoulderWidthRatio(torso.ls, torso.rs, torso.lh, torso.rh), needed, frame.timestampMs, cfg);
  if (view.active) {
    return { ok: false, view, finding: { kind: 'visibility', code: 'WRONG_VIEW', missing: [], timestampMs: frame.timestampMs } };
  }
  return { ok: true, view, torso };
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
