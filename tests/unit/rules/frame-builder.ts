// Hand-made PoseFrames for precise unit tests of the rules (the stick-figure synthesiser makes realistic
// sequences; this one places joints exactly). Positions are in image PIXELS of a W x H image (y down).
// Front view, not mirrored: the person's LEFT side is on the image RIGHT (larger x).
import { KEYPOINT_NAMES, type KeypointName, type PoseFrame } from '../../../src/core/pose-frame';

export const W = 1000;
export const H = 1000;

export interface J { x: number; y: number; score?: number }
export type Joints = Partial<Record<KeypointName, J>>;

export interface FrameOptions { width?: number; height?: number; score?: number }

/** A frame from joint positions in px. Joints not given get score 0 (invisible) at the image centre. */
export function frame(timestampMs: number, joints: Joints, opts: FrameOptions = {}): PoseFrame {
  const w = opts.width ?? W, h = opts.height ?? H, def = opts.score ?? 0.9;
  const keypoints = {} as NonNullable<PoseFrame['keypoints']>;
  let sum = 0;
  for (const name of KEYPOINT_NAMES) {
    const j = joints[name];
    const k = j ? { x: j.x / w, y: j.y / h, score: j.score ?? def } : { x: 0.5, y: 0.5, score: 0 };
    keypoints[name] = k;
    sum += k.score;
  }
  return { timestampMs, imageWidthPx: w, imageHeightPx: h, keypoints, poseScore: sum / KEYPOINT_NAMES.length };
}

export const noPerson = (timestampMs: number): PoseFrame =>
  ({ timestampMs, imageWidthPx: W, imageHeightPx: H, keypoints: null, poseScore: 0 });

/** Upright, facing the camera, feet under the hips. Torso 200 px, shoulder width 140 px (ratio 0.7), legs 400 px. */
export function standingFront(): Joints {
  return {
    nose: { x: 500, y: 230 }, left_eye: { x: 510, y: 220 }, right_eye: { x: 490, y: 220 },
    left_ear: { x: 525, y: 225 }, right_ear: { x: 475, y: 225 },
    left_shoulder: { x: 570, y: 300 }, right_shoulder: { x: 430, y: 300 },
    left_elbow: { x: 590, y: 400 }, right_elbow: { x: 410, y: 400 },
    left_wrist: { x: 595, y: 490 }, right_wrist: { x: 405, y: 490 },
    left_hip: { x: 540, y: 500 }, right_hip: { x: 460, y: 500 },
    left_knee: { x: 540, y: 700 }, right_knee: { x: 460, y: 700 },
    left_ankle: { x: 540, y: 900 }, right_ankle: { x: 460, y: 900 },
  };
}

/** Copy with some joints replaced / merged. */
export function withJoints(base: Joints, over: Joints): Joints {
  const out: Joints = { ...base };
  for (const k of Object.keys(over) as KeypointName[]) out[k] = { ...base[k], ...over[k]! };
  return out;
}

/** Copy with every joint shifted. */
export function shifted(base: Joints, dx: number, dy: number): Joints {
  const out: Joints = {};
  for (const k of Object.keys(base) as KeypointName[]) { const j = base[k]!; out[k] = { ...j, x: j.x + dx, y: j.y + dy }; }
  return out;
}

/** Copy scaled about a point (camera distance change). */
export function scaled(base: Joints, f: number, cx = W / 2, cy = H / 2): Joints {
  const out: Joints = {};
  for (const k of Object.keys(base) as KeypointName[]) { const j = base[k]!; out[k] = { ...j, x: cx + (j.x - cx) * f, y: cy + (j.y - cy) * f }; }
  return out;
}

/**
 * Knee position giving an exact FPPA (deg) for a hip straight above the ankle: the knee sits at mid-height,
 * offset toward the midline (`medialDir` = +1 if medial is +x) for positive FPPA.
 * FPPA = 180 - HKA = 2 * atan(offset / halfLength).
 */
export function kneeForFppa(hip: J, ankle: J, fppaDeg: number, medialDir: 1 | -1): J {
  const half = (ankle.y - hip.y) / 2;
  const off = half * Math.tan((fppaDeg * Math.PI) / 360);
  return { x: hip.x + medialDir * off, y: hip.y + half };
}

/** Frames every 1000/fps ms from t0 for durationMs, joints from fn(t). */
export function seq(fn: (tMs: number, i: number) => PoseFrame | Joints, fps: number, durationMs: number, t0 = 0): PoseFrame[] {
  const out: PoseFrame[] = [];
  const dt = 1000 / fps;
  for (let i = 0; t0 + i * dt <= t0 + durationMs + 1e-9; i++) {
    const t = Math.round((t0 + i * dt) * 1000) / 1000;
    const r = fn(t, i);
    out.push('timestampMs' in r ? (r as PoseFrame) : frame(t, r as Joints));
  }
  return out;
}

/** Recursively freeze (for "step does not mutate its inputs" tests). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

export interface SquatPoseOptions {
  /** Hip drop as a fraction of the standing hip height (400 px). */
  drop: number;
  /** FPPA per knee, deg (positive = valgus), knee at mid-height between hip and ankle. */
  fppaLeftDeg?: number;
  fppaRightDeg?: number;
  /** Extra knee positions override the FPPA placement. */
  kneeLeft?: J;
  kneeRight?: J;
  score?: number;
}

/**
 * Front-view squat pose built on `standingFront()`: ankles fixed (y 900, x 540 / 460), hips and the upper body
 * lowered by `drop` x 400 px. Person's left = image right, so the left knee's medial direction is -x.
 */
export function squatPose(o: SquatPoseOptions): Joints {
  const base = standingFront();
  const dy = 400 * o.drop;
  const out = shifted(base, 0, dy);
  out.left_ankle = { ...base.left_ankle! };
  out.right_ankle = { ...base.right_ankle! };
  out.left_knee = o.kneeLeft ?? kneeForFppa(out.left_hip!, out.left_ankle, o.fppaLeftDeg ?? 0, -1);
  out.right_knee = o.kneeRight ?? kneeForFppa(out.right_hip!, out.right_ankle, o.fppaRightDeg ?? 0, 1);
  if (o.score !== undefined) for (const k of Object.keys(out) as KeypointName[]) out[k] = { ...out[k]!, score: o.score };
  return out;
}

export interface SquatRep { bottomDrop: number; fppaLeftDeg?: number; fppaRightDeg?: number; holdMs?: number }

/**
 * Frames: stand `standMs`, then each rep = 700 ms down, `holdMs` (400) at the bottom, 700 ms up, 300 ms at the top.
 * FPPA grows with depth (full value at the bottom).
 */
export function squatSequence(reps: SquatRep[], fps = 30, standMs = 1500, map?: (j: Joints, t: number) => Joints): PoseFrame[] {
  const segs: { start: number; rep: SquatRep }[] = [];
  let t0 = standMs;
  for (const r of reps) { segs.push({ start: t0, rep: r }); t0 += 1400 + (r.holdMs ?? 400) + 300; }
  return seq((t) => {
    let drop = 0, fl = 0, fr = 0;
    for (const { start, rep } of segs) {
      const hold = rep.holdMs ?? 400;
      const u = t - start;
      if (u < 0 || u > 1400 + hold) continue;
      const f = u < 700 ? u / 700 : u < 700 + hold ? 1 : (1400 + hold - u) / 700;
      drop = rep.bottomDrop * f; fl = (rep.fppaLeftDeg ?? 0) * f; fr = (rep.fppaRightDeg ?? 0) * f;
    }
    const j = squatPose({ drop, fppaLeftDeg: fl, fppaRightDeg: fr });
    return map ? map(j, t) : j;
  }, fps, t0 + 500);
}
