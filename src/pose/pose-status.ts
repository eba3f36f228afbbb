// What the user must be told about a PoseFrame before any coaching: is anyone there, is the whole body in view?
// Pure (no DOM, no tfjs) so the UI can show it and tests can check it.
import { KEYPOINT_NAMES, type KeypointName, type PoseFrame } from '../core/pose-frame';

/**
 * Keypoint score at or above which a joint counts as seen. 0.3 is the MoveNet demo's threshold
 * (tfjs-models pose-detection demo params); BlazePose would use 0.65.
 */
export const DEFAULT_SCORE_THRESHOLD = 0.3;

/**
 * Fewer confident keypoints than this = nobody in view. Our default: a face alone gives 5 (nose, eyes, ears), so a
 * person must show at least some body beyond the face for the frame to count.
 */
export const MIN_KEYPOINTS_FOR_PERSON = 6;

/**
 * Lower-body joint pairs. The person should step back when NEITHER joint of a pair is seen (legs out of the
 * picture). One side alone missing is normal in a side view (the far leg is hidden), so it is not reported here;
 * each exercise's own visibility gate decides what it needs.
 */
export const LOWER_BODY_PAIRS: ReadonlyArray<readonly [KeypointName, KeypointName]> = [
  ['left_hip', 'right_hip'], ['left_knee', 'right_knee'], ['left_ankle', 'right_ankle'],
];

export type BodyVisibility =
  | { kind: 'no-person' }
  | { kind: 'partial'; missing: KeypointName[]; visibleCount: number }
  | { kind: 'full'; visibleCount: number };

export function visibleKeypoints(frame: PoseFrame | null, threshold = DEFAULT_SCORE_THRESHOLD): KeypointName[] {
  const kps = frame?.keypoints;
  if (!kps) return [];
  return KEYPOINT_NAMES.filter((n) => kps[n].score >= threshold);
}

export function bodyVisibility(frame: PoseFrame | null, threshold = DEFAULT_SCORE_THRESHOLD): BodyVisibility {
  const visible = visibleKeypoints(frame, threshold);
  if (visible.length < MIN_KEYPOINTS_FOR_PERSON) return { kind: 'no-person' };
  const seen = new Set(visible);
  const missing = LOWER_BODY_PAIRS.filter(([l, r]) => !seen.has(l) && !seen.has(r)).flat();
  return missing.length > 0
    ? { kind: 'partial', missing, visibleCount: visible.length }
    : { kind: 'full', visibleCount: visible.length };
}
