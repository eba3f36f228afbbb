// Does the person face the camera the way the exercise needs?
// Measure: shoulder width / torso length (both in image px, torso = mid-shoulder to mid-hip). It is scale-free
// (camera distance cancels) and rotation-free in the image plane (works for a side plank lying across the image).
// Square to the camera, MoveNet's shoulder points (near the shoulder joint centres, ~0.32-0.36 m apart in adults)
// over the joint-centre torso (~0.45-0.52 m) give ~0.65-0.8; turning the body by an angle a scales the width by
// cos(a). Our defaults (no published number exists): front view needs >= 0.40 (every adult turned up to 30 deg passes,
// the narrowest reading ~0.47 square with the arms overhead; a body turned 60 deg or more is refused); side view needs <= 0.5 (~0.7 x sin 45 deg: turned at least ~45 deg from facing; a side camera placed
// 30 deg off square and pitched down at a lying body reads up to ~0.5, and a side-view angle changes little there). Hysteresis: a wrong view must persist `viewPersistMs` and the clear needs a 0.05 margin.
import { distance, midpoint, type Point } from '../../core/geometry';
import { INITIAL_PERSISTENCE, stepPersistence, type FaultSignal, type PersistenceState } from './persistence';
import type { CameraView } from './types';

export interface ViewThresholds { frontMinShoulderRatio: number; sideMaxShoulderRatio: number }
export const VIEW_CLEAR_MARGIN = 0.05;

/** Shoulder width / torso length; NaN if the torso has zero length. */
export function shoulderWidthRatio(ls: Point, rs: Point, lh: Point, rh: Point): number {
  const torso = distance(midpoint(ls, rs), midpoint(lh, rh));
  return torso === 0 ? Number.NaN : distance(ls, rs) / torso;
}

/** 'fault' = clearly the wrong view, 'clear' = clearly right (with margin), 'between' = near the threshold. */
export function viewSignal(ratio: number, needed: CameraView, th: ViewThresholds): FaultSignal {
  if (Number.isNaN(ratio)) return 'between';
  if (needed === 'front') {
    return ratio < th.frontMinShoulderRatio ? 'fault' : ratio >= th.frontMinShoulderRatio + VIEW_CLEAR_MARGIN ? 'clear' : 'between';
  }
  return ratio > th.sideMaxShoulderRatio ? 'fault' : ratio <= th.sideMaxShoulderRatio - VIEW_CLEAR_MARGIN ? 'clear' : 'between';
}

export type ViewCheckState = PersistenceState;
export const INITIAL_VIEW_CHECK: ViewCheckState = INITIAL_PERSISTENCE;

/** Debounced wrong-view state; `active` = wrong view reported. `ratio` NaN/unknown keeps the state. */
export function stepViewCheck(
  s: ViewCheckState,
  ratio: number,
  needed: CameraView,
  timestampMs: number,
  th: ViewThresholds & { viewPersistMs: number },
): ViewCheckState {
  return stepPersistence(s, viewSignal(ratio, needed, th), timestampMs, { onsetMs: th.viewPersistMs, clearMs: th.viewPersistMs });
}
