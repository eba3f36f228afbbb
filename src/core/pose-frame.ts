// The one data type that crosses from the pose pipeline (src/pose/) to everything else.
// Coordinates are normalised to the image (0..1 of width and height, origin top-left, NOT mirrored),
// so a frame means the same thing whatever the camera resolution. Geometry converts to pixels
// (see core/geometry.ts `px`) before measuring angles, because normalised x and y have different scales.
// Left/right are the person's anatomical sides as MoveNet labels them.
import { z } from 'zod';

export const KEYPOINT_NAMES = [
  'nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear',
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as const;
export type KeypointName = (typeof KEYPOINT_NAMES)[number];

export const keypointSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  /** Detector confidence 0..1. */
  score: z.number().min(0).max(1),
});
export type Keypoint = z.infer<typeof keypointSchema>;

const keypointsShape = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, keypointSchema])) as {
  [K in KeypointName]: typeof keypointSchema;
};

export const poseFrameSchema = z.object({
  /** Capture time of the image in ms (monotonic clock or video time); rules never read a clock. */
  timestampMs: z.number().finite().nonnegative(),
  imageWidthPx: z.number().int().positive(),
  imageHeightPx: z.number().int().positive(),
  /** null when the detector found no person in the image. */
  keypoints: z.object(keypointsShape).strict().nullable(),
  /** Mean keypoint score of the detected pose, 0..1 (0 when no person). */
  poseScore: z.number().min(0).max(1),
});
export type PoseFrame = z.infer<typeof poseFrameSchema>;
export type Keypoints = NonNullable<PoseFrame['keypoints']>;

export const SIDES = ['left', 'right'] as const;
export type Side = (typeof SIDES)[number];
export const otherSide = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** `left_knee` from ('left', 'knee'). */
export function sided<J extends 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'eye' | 'ear'>(
  side: Side,
  joint: J,
): `${Side}_${J}` & KeypointName {
  return `${side}_${joint}` as `${Side}_${J}` & KeypointName;
}
