// Visibility gating: a joint is usable only if its detector score reaches the threshold AND it lies inside the
// image (minus a margin). Rules call this before measuring anything, so no cue or rep ever comes from a joint the
// model is guessing, and nothing from an earlier frame is reused (no stale angles).
import type { Point } from '../../core/geometry';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import type { Finding } from './types';

export interface VisibilityOptions {
  /** Minimum keypoint score 0..1 (docs/biomechanics.md#visibility-score). */
  minKeypointScore: number;
  /** Fraction of the image size a keypoint must stay away from the edges. */
  frameMarginFrac: number;
}

export type VisibilityResult =
  | { ok: true }
  | { ok: false; code: 'NO_PERSON' | 'NOT_VISIBLE'; missing: KeypointName[] };

const OK: VisibilityResult = { ok: true };

export function isKeypointVisible(frame: PoseFrame, name: KeypointName, opts: VisibilityOptions): boolean {
  const k = frame.keypoints?.[name];
  if (!k || !(k.score >= opts.minKeypointScore)) return false;
  const m = opts.frameMarginFrac;
  return k.x >= m && k.x <= 1 - m && k.y >= m && k.y <= 1 - m;
}

/**
 * All `required` keypoints visible -> ok. No person, or none of them visible -> NO_PERSON; otherwise
 * NOT_VISIBLE with the missing joints (in `required` order).
 */
export function checkVisibility(
  frame: PoseFrame,
  required: readonly KeypointName[],
  opts: VisibilityOptions,
): VisibilityResult {
  if (!frame.keypoints) return { ok: false, code: 'NO_PERSON', missing: [...required] };
  let missing: KeypointName[] | null = null;
  for (const name of required) {
    if (!isKeypointVisible(frame, name, opts)) (missing ??= []).push(name);
  }
  if (!missing) return OK;
  return { ok: false, code: missing.length === required.length ? 'NO_PERSON' : 'NOT_VISIBLE', missing };
}

/** The 'visibility' finding for a failed check. */
export function visibilityFinding(res: Extract<VisibilityResult, { ok: false }>, timestampMs: number): Finding {
  return { kind: 'visibility', code: res.code, missing: res.missing, timestampMs };
}

/** Keypoint in pixels if visible, else null. */
export function visiblePx(frame: PoseFrame, name: KeypointName, opts: VisibilityOptions): Point | null {
  if (!isKeypointVisible(frame, name, opts)) return null;
  const k = frame.keypoints![name];
  return { x: k.x * frame.imageWidthPx, y: k.y * frame.imageHeightPx };
}

/**
 * For a left/right pair where either will do (e.g. the shoulder line of a side plank): the midpoint if both are
 * visible, the visible one otherwise, null if neither.
 */
export function eitherPx(frame: PoseFrame, a: KeypointName, b: KeypointName, opts: VisibilityOptions): Point | null {
  const pa = visiblePx(frame, a, opts), pb = visiblePx(frame, b, opts);
  if (pa && pb) return { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
  return pa ?? pb;
}
