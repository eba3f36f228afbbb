// Turns a pose-detection result into a plain PoseFrame: named keypoints, normalised coordinates, no tensors.
// Kept free of tfjs imports so it is unit-testable and shared by the app and the Node recorder.
import { KEYPOINT_NAMES, type Keypoints, type PoseFrame } from '../core/pose-frame';

/** The subset of @tensorflow-models/pose-detection's `Pose` we read. */
export interface DetectorPose {
  score?: number;
  keypoints: ReadonlyArray<{ x: number; y: number; score?: number; name?: string }>;
}

export interface ImageSize { widthPx: number; heightPx: number }

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * `poses` are in pixels of the analysed image. The first pose is used (single-person models); a pose with no
 * keypoints, or an empty list, gives `keypoints: null` (no person). Keypoints are matched by name when the
 * detector names them, else by MoveNet/COCO index order.
 */
export function toPoseFrame(poses: readonly DetectorPose[], size: ImageSize, timestampMs: number): PoseFrame {
  const pose = poses[0];
  const base = { timestampMs, imageWidthPx: size.widthPx, imageHeightPx: size.heightPx };
  if (!pose || pose.keypoints.length < KEYPOINT_NAMES.length) return { ...base, keypoints: null, poseScore: 0 };
  const byName = new Map(pose.keypoints.map((k, i) => [k.name ?? KEYPOINT_NAMES[i], k]));
  const keypoints = {} as Keypoints;
  let sum = 0;
  for (const name of KEYPOINT_NAMES) {
    const k = byName.get(name);
    if (!k) return { ...base, keypoints: null, poseScore: 0 };
    const score = clamp01(Number.isFinite(k.score) ? (k.score as number) : 0);
    keypoints[name] = { x: k.x / size.widthPx, y: k.y / size.heightPx, score };
    sum += score;
  }
  const poseScore = clamp01(pose.score ?? sum / KEYPOINT_NAMES.length);
  return { ...base, keypoints, poseScore };
}
