// From a scripted 3D movement to the PoseFrames the checkers see, as the live app makes them:
// body joint centres -> detector keypoint placement -> camera projection -> (mirrored picture) -> detector noise
// -> frame timing (5-60 fps, jittered timestamps, an occasional lost frame) -> the app's One Euro filter
// (src/pose/smoothing.ts, the same class the live pipeline runs).
import type { KeypointName, PoseFrame } from '../../src/core/pose-frame';
import { KeypointSmoother, smoothingConfigSchema, type SmoothingConfig } from '../../src/pose/smoothing';
import type { ArmPose, Body3D } from '../body/skeleton';
import { projectBody, type CameraSpec } from '../camera/pinhole';
import { createRng } from '../rng';
import { Detector, mirrorFrame, twinOf, type DetectorEvents, type DetectorSpec } from './detector';
import { placeKeypoints, type PlacementBias } from './placement';

export interface CaptureSpec {
  camera: CameraSpec;
  /** The picture is mirrored before detection (a selfie recording). */
  mirrored: boolean;
  fps: number;
  /** SD of each timestamp's error, as a fraction of the frame interval. */
  timestampJitterFrac: number;
  /** Chance that a frame is lost (never delivered). */
  frameLossProb: number;
  detector: DetectorSpec;
  bias: PlacementBias;
  /** Run the app's One Euro filter (as live). */
  smoothing: boolean;
}

export interface Movement {
  /** Joint centres at script time t (ms). */
  bodyAt(tMs: number): Body3D;
  /** Arm pose at t (changes keypoint placement: arms overhead lift the shoulder outline). */
  armsAt(tMs: number): ArmPose;
}

export interface Rendered {
  frames: PoseFrame[];
  /** Script time of each frame (ms): frame.timestampMs + clip start. */
  scriptMs: number[];
  smoothing: SmoothingConfig | null;
  events: DetectorEvents;
}

/** A sided joint clearly behind its twin and overlapping it in the picture is hidden by the body. */
function hiddenJoints(px: Record<KeypointName, { x: number; y: number; depthM: number }>, overlapPx: number): Set<KeypointName> {
  const out = new Set<KeypointName>();
  for (const n of Object.keys(px) as KeypointName[]) {
    const t = twinOf(n);
    if (!t) continue;
    const a = px[n], b = px[t];
    if (a.depthM - b.depthM > 0.12 && Math.hypot(a.x - b.x, a.y - b.y) < overlapPx) out.add(n);
  }
  return out;
}

/** Renders the clip [clipStartMs, clipStartMs + clipMs] of a movement. Deterministic for a seed. */
export function render(m: Movement, clipStartMs: number, clipMs: number, c: CaptureSpec, seed: number): Rendered {
  const rng = createRng(seed);
  const cam = c.camera;
  const det = new Detector(c.detector, rng, cam.widthPx, cam.heightPx);
  const smoothing = c.smoothing ? smoothingConfigSchema.parse({ frequencyHz: c.fps }) : null;
  const smoother = smoothing ? new KeypointSmoother(smoothing) : null;
  const frames: PoseFrame[] = [], scriptMs: number[] = [];
  const dt = 1000 / c.fps;
  let last = -Infinity;
  for (let i = 0; i * dt <= clipMs; i++) {
    if (i > 0 && c.frameLossProb > 0 && rng.chance(c.frameLossProb)) continue;
    let t = i * dt + (i > 0 ? rng.gauss(c.timestampJitterFrac * dt) : 0);
    t = Math.max(t, last + 1, 0);
    if (t > clipMs) break;
    t = Math.round(t * 1000) / 1000;
    last = t;
    const tScript = clipStartMs + t;
    const body = placeKeypoints(m.bodyAt(tScript), c.bias, m.armsAt(tScript));
    const px = projectBody(body, cam);
    const legPx = Math.hypot(px.left_hip.x - px.left_knee.x, px.left_hip.y - px.left_knee.y) + Math.hypot(px.left_knee.x - px.left_ankle.x, px.left_knee.y - px.left_ankle.y);
    // A joint is about a tenth of a leg wide: nearer than that to its nearer twin in the picture, it is covered.
    let frame = det.detect(px, t, legPx, hiddenJoints(px, 0.1 * legPx));
    if (c.mirrored) frame = mirrorFrame(frame);
    frames.push(smoother ? smoother.apply(frame) : frame);
    scriptMs.push(tScript);
  }
  return { frames, scriptMs, smoothing, events: det.events };
}
