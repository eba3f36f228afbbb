// Camera placement check before the first set: is the whole body in the picture and large enough, is the camera
// level, does the person face the camera the way the exercise needs, is there light enough? Judged on the person
// standing still: over one window (default 1 s) of still standing, facing the camera.
// - Level: a camera rolled by r degrees adds r to every image-horizontal angle on one side of the body and takes it
//   from the other (a pelvic-drop or trunk-lean left/right comparison then carries 2r). Three estimates of the roll,
//   each the median over the window: the shoulder line and the hip line against the image horizontal, and the body's
//   long axis (mid-ankle to mid-shoulder) against the image vertical. The roll is their median. A person's own
//   pelvic or shoulder tilt, a trunk leaning a little, or a detector that places one hip higher than the other
//   moves one estimate, rarely two the same way; when no two agree within `agreeDeg` the person is not standing
//   evenly and the estimate is not used.
// - Which way to tilt is said as the person sees the camera when facing it (independent of the mirrored preview:
//   the camera's right side, seen from behind it, is on the left of someone facing it; the mirrored preview shows
//   that side on the screen's left too).
// - Side-view exercises: level, size and light are judged facing the camera first (the shoulder and hip lines
//   need it), then the person turns side-on for the facing item.
// Pure: `stepPlacement(state, frame, config) -> state`; time is the frame's timestamp. Codes only; words live in
// src/exercises-content/placement-words.ts.
import { z } from 'zod';
import { inclineFromHorizontalDeg, jointAngleDeg, midpoint, distance, type Point } from '../core/geometry';
import type { KeypointName, PoseFrame } from '../core/pose-frame';
import { commonConfigSchema } from '../rules/engine/config';
import type { CameraView } from '../rules/engine/types';
import { shoulderWidthRatio } from '../rules/engine/view-check';
import { isKeypointVisible, visiblePx } from '../rules/engine/visibility';

const COMMON = commonConfigSchema.parse({});

export const placementConfigSchema = z.object({
  windowMs: z.number().min(200).max(5000).default(1000)
    .describe('Still standing judged at once, ms. Our default 1 s: the per-frame shoulder and hip lines jitter by a few degrees (keypoint noise, sway); a median over ~30 frames is steady to well under 1 deg.'),
  maxRollDeg: z.number().min(0).max(20).default(3)
    .describe('Camera roll (deg) above which the app asks to level the camera. Our default 3 deg: the 2D measurement error of frontal-plane angles (~3 deg, docs/biomechanics.md#camera-placement); a roll adds itself to one side\'s pelvic drop and trunk lean and takes itself from the other, and the pelvic-drop cue is 5 deg.'),
  agreeDeg: z.number().min(0).max(30).default(3)
    .describe('At least two of the three roll estimates (shoulder line, hip line, body axis) must agree within this (deg); otherwise the person is not standing evenly (weight on one leg, leaning) and the app asks for that instead of blaming the camera. Our default: the ~3 deg 2D measurement error.'),
  minBodyHeightFrac: z.number().min(0).max(1).default(0.5)
    .describe('Nose to lower ankle must span at least this fraction of the picture height. Our default 0.5 (a typical laptop camera at up to ~4 m): smaller bodies give the model too few pixels per joint (MoveNet sees a 192 or 256 px square picture; at half the height the hips are ~10 model pixels apart, 1 px of error is ~6 deg on the pelvic line).'),
  minMeanScore: z.number().min(0).max(1).default(0.5)
    .describe('Light: the mean keypoint score of shoulders, hips, knees and ankles must reach this. Our default 0.5: halfway between the per-joint visibility threshold (0.3) and what MoveNet gives a well-lit standing person (0.78-0.90, measured on the real front-view clips).'),
  minKneeAngleDeg: z.number().min(90).max(180).default(155)
    .describe('Standing: both knees at least this straight (hip-knee-ankle, deg). Our default: a relaxed stand is 170-180 deg in 2D; 155 allows a soft knee.'),
  maxSwayTorso: z.number().min(0).max(1).default(0.08)
    .describe('Still: the mean mid-hip of the window\'s second half lies at most this many torso lengths from that of its first half. Our default: quiet standing sways 1-2 cm (~4 % of the torso); walking slowly moves ~50 %.'),
  sideHoldMs: z.number().min(0).max(5000).default(COMMON.viewPersistMs)
    .describe('Side-view exercises: turned side-on this long (ms) to pass. Default: the rules\' own view-check debounce.'),
  dropoutHoldMs: z.number().min(0).max(2000).default(COMMON.dropoutHoldMs)
    .describe('A joint lost for up to this long (ms) does not restart the still window; default: the rules\' own dropout hold.'),
  minKeypointScore: z.number().min(0).max(1).default(COMMON.minKeypointScore)
    .describe('Keypoint score for "in the picture". Default: the rules\' visibility threshold.'),
  frameMarginFrac: z.number().min(0).max(0.2).default(COMMON.frameMarginFrac)
    .describe('A joint must lie this far inside the picture edges. Default: the rules\' margin.'),
  frontMinShoulderRatio: z.number().min(0).max(2).default(COMMON.frontMinShoulderRatio)
    .describe('Facing the camera: shoulder width / torso at least this. Default: the rules\' front-view threshold.'),
  sideMaxShoulderRatio: z.number().min(0).max(2).default(COMMON.sideMaxShoulderRatio)
    .describe('Side-on: shoulder width / torso at most this. Default: the rules\' side-view threshold.'),
});
export type PlacementConfig = z.infer<typeof placementConfigSchema>;
export const DEFAULT_PLACEMENT: PlacementConfig = placementConfigSchema.parse({});

/** The joints that make "the whole body" for the check (arms may leave the picture). */
export const PLACEMENT_JOINTS: readonly KeypointName[] = [
  'nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];
const SCORE_JOINTS: readonly KeypointName[] = PLACEMENT_JOINTS.slice(1);
const UPPER_JOINTS: readonly KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'];

/** Why nothing can be judged on this frame (the first that applies). */
export type PlacementWait =
  | 'no-person'      // nobody (or almost nothing of a body) in the picture
  | 'dim'            // a body is there but the model sees it poorly: light
  | 'not-in-view'    // parts of the body are outside the picture (`missing`)
  | 'not-standing'   // knees bent, lying or sitting
  | 'face-camera'    // turned away: the level needs the shoulder and hip lines facing the camera
  | 'turn-side'      // side-view exercise, level judged: now turn side-on
  | 'moving'         // not still enough over the window
  | 'collecting';    // standing still: the window is filling (`progress`)

export interface StanceSample {
  tMs: number;
  /** Shoulder and hip lines against the image horizontal, deg; positive = the image-right end lower. */
  shoulderLineDeg: number;
  hipLineDeg: number;
  /** Mid-ankle to mid-shoulder against the image vertical, deg; positive = the top to the image right. */
  axisDeg: number;
  midHip: Point;
  torsoPx: number;
  /** Nose to the lower ankle over the picture height. */
  bodyHeightFrac: number;
  meanScore: number;
}

export type LevelItem = 'ok' | 'tilted' | 'uneven';

export interface PlacementJudgement {
  atMs: number;
  /** Camera roll estimate, deg: positive = the camera's right side (seen from behind it) too high. */
  rollDeg: number;
  shoulderLineDeg: number;
  hipLineDeg: number;
  axisDeg: number;
  bodyHeightFrac: number;
  meanScore: number;
  level: LevelItem;
  /** Which side of the camera to lower, as the person sees it when facing the camera; null when level. */
  lowerSide: 'left' | 'right' | null;
  size: 'ok' | 'small';
  light: 'ok' | 'dim';
}

export interface PlacementState {
  view: CameraView;
  /** 'front': judging level, size and light facing the camera; 'side': turning side-on; 'done': passed. */
  phase: 'front' | 'side' | 'done';
  wait: PlacementWait | null;
  missing: KeypointName[];
  /** 0..1 of the window filled while collecting. */
  progress: number;
  samples: StanceSample[];
  /** Last frame that gave a sample (dropouts up to `dropoutHoldMs` after it keep the window). */
  lastSampleMs: number | null;
  /** The latest complete window's verdict (kept while the person moves again). */
  judged: PlacementJudgement | null;
  sideSinceMs: number | null;
}

export const initialPlacement = (view: CameraView): PlacementState => ({
  view, phase: 'front', wait: 'no-person', missing: [], progress: 0, samples: [], lastSampleMs: null, judged: null, sideSinceMs: null,
});

type Read = { ok: true; sample: StanceSample; shoulderRatio: number } | { ok: false; wait: PlacementWait; missing: KeypointName[]; shoulderRatio: number | null };

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Line from the image-left point to the image-right point against the horizontal (positive = right end lower). */
const lineDeg = (a: Point, b: Point): number => (a.x <= b.x ? inclineFromHorizontalDeg(a, b) : inclineFromHorizontalDeg(b, a));

/** Bottom to top against the image vertical (positive = top to the image right): a camera roll turns it as much as
 * it turns a horizontal line. */
const axisDeg = (bottom: Point, top: Point): number => Math.atan2(top.x - bottom.x, bottom.y - top.y) * (180 / Math.PI);

/** What one frame shows: a standing sample, or why there is none. */
export function readStance(frame: PoseFrame, config: PlacementConfig = DEFAULT_PLACEMENT): Read {
  const k = frame.keypoints;
  if (!k) return { ok: false, wait: 'no-person', missing: [...PLACEMENT_JOINTS], shoulderRatio: null };
  const vis = { minKeypointScore: config.minKeypointScore, frameMarginFrac: config.frameMarginFrac };
  const missing = PLACEMENT_JOINTS.filter((n) => !isKeypointVisible(frame, n, vis));
  if (missing.length > PLACEMENT_JOINTS.length - 3) return { ok: false, wait: 'no-person', missing, shoulderRatio: null };
  // A body whose trunk the model itself scores low is poorly lit, not out of the picture.
  if (mean(UPPER_JOINTS.map((n) => k[n].score)) < config.minMeanScore) return { ok: false, wait: 'dim', missing, shoulderRatio: null };
  // Upright and facing, from the model's points even where it scores the far side low (side-on, the far shoulder and
  // hip are hidden behind the near ones but still placed there): lying down is "stand up", not "face the camera".
  const raw = (n: KeypointName): Point => ({ x: k[n].x * frame.imageWidthPx, y: k[n].y * frame.imageHeightPx });
  const midS = midpoint(raw('left_shoulder'), raw('right_shoulder')), midH = midpoint(raw('left_hip'), raw('right_hip'));
  const midA = midpoint(raw('left_ankle'), raw('right_ankle'));
  const upright = midS.y < midH.y && midH.y < midA.y && Math.abs(midS.x - midA.x) < midA.y - midS.y;
  if (!upright) return { ok: false, wait: 'not-standing', missing: [], shoulderRatio: null };
  const shoulderRatio = shoulderWidthRatio(raw('left_shoulder'), raw('right_shoulder'), raw('left_hip'), raw('right_hip'));
  if (missing.length) return { ok: false, wait: 'not-in-view', missing, shoulderRatio };
  const p = (n: KeypointName) => visiblePx(frame, n, vis)!;
  const [ls, rs, lh, rh, lk, rk, la, ra, nose] = [
    p('left_shoulder'), p('right_shoulder'), p('left_hip'), p('right_hip'), p('left_knee'), p('right_knee'), p('left_ankle'), p('right_ankle'), p('nose'),
  ];
  const kneesStraight = jointAngleDeg(lh, lk, la) >= config.minKneeAngleDeg && jointAngleDeg(rh, rk, ra) >= config.minKneeAngleDeg;
  if (!kneesStraight) return { ok: false, wait: 'not-standing', missing: [], shoulderRatio };
  const midHip = midpoint(lh, rh);
  return {
    ok: true,
    shoulderRatio,
    sample: {
      tMs: frame.timestampMs,
      shoulderLineDeg: lineDeg(ls, rs),
      hipLineDeg: lineDeg(lh, rh),
      axisDeg: axisDeg(midpoint(la, ra), midpoint(ls, rs)),
      midHip,
      torsoPx: distance(midpoint(ls, rs), midHip),
      bodyHeightFrac: (Math.max(la.y, ra.y) - nose.y) / frame.imageHeightPx,
      meanScore: mean(SCORE_JOINTS.map((n) => k[n].score)),
    },
  };
}

/** The verdict on one full window of still standing. */
export function judgeWindow(samples: readonly StanceSample[], config: PlacementConfig = DEFAULT_PLACEMENT): PlacementJudgement {
  const shoulderLineDeg = median(samples.map((s) => s.shoulderLineDeg));
  const hipLineDeg = median(samples.map((s) => s.hipLineDeg));
  const axis = median(samples.map((s) => s.axisDeg));
  const estimates = [shoulderLineDeg, hipLineDeg, axis];
  const rollDeg = median(estimates);
  const agreed = estimates.filter((e) => Math.abs(e - rollDeg) <= config.agreeDeg).length >= 2;
  const bodyHeightFrac = median(samples.map((s) => s.bodyHeightFrac));
  const meanScore = mean(samples.map((s) => s.meanScore));
  const level: LevelItem = !agreed ? 'uneven' : Math.abs(rollDeg) > config.maxRollDeg ? 'tilted' : 'ok';
  return {
    atMs: samples.at(-1)!.tMs, rollDeg, shoulderLineDeg, hipLineDeg, axisDeg: axis, bodyHeightFrac, meanScore, level,
    // Image-right end low = the camera's right side (seen from behind) high = on the left of someone facing it.
    lowerSide: level === 'tilted' ? (rollDeg > 0 ? 'left' : 'right') : null,
    size: bodyHeightFrac >= config.minBodyHeightFrac ? 'ok' : 'small',
    light: meanScore >= config.minMeanScore ? 'ok' : 'dim',
  };
}

const isGood = (j: PlacementJudgement | null): boolean => !!j && j.level === 'ok' && j.size === 'ok' && j.light === 'ok';

/** Still: the mean mid-hip of the window's first half and of its second half lie close together (keypoint jitter
 * averages out; walking or shifting does not). */
function still(samples: readonly StanceSample[], config: PlacementConfig): boolean {
  if (samples.length < 4) return true;
  const torso = median(samples.map((s) => s.torsoPx));
  const half = samples.length >> 1;
  const centre = (ss: readonly StanceSample[]): Point => ({ x: mean(ss.map((s) => s.midHip.x)), y: mean(ss.map((s) => s.midHip.y)) });
  return distance(centre(samples.slice(0, half)), centre(samples.slice(half))) <= config.maxSwayTorso * torso;
}

export function stepPlacement(state: PlacementState, frame: PoseFrame, config: PlacementConfig = DEFAULT_PLACEMENT): PlacementState {
  if (state.phase === 'done') return state;
  const t = frame.timestampMs;
  const read = readStance(frame, config);
  if (state.phase === 'side') {
    // Level, size and light passed facing the camera; now the person turns side-on.
    // Side-on, the far-side joints may be hidden: only nobody, or too little light, stops the facing check.
    const seen = read.ok || (read.wait !== 'no-person' && read.wait !== 'dim');
    const side = seen && read.shoulderRatio !== null && read.shoulderRatio <= config.sideMaxShoulderRatio;
    if (!side) {
      const wait: PlacementWait = seen || read.ok ? 'turn-side' : read.wait;
      return { ...state, wait, missing: read.ok ? [] : read.missing, sideSinceMs: null };
    }
    const since = state.sideSinceMs ?? t;
    return t - since >= config.sideHoldMs
      ? { ...state, phase: 'done', wait: null, missing: [], sideSinceMs: since }
      : { ...state, wait: 'turn-side', missing: [], sideSinceMs: since };
  }
  // Turned away reads first: side-on, the far joints are hidden and would otherwise read as "not in the picture".
  const facing = read.shoulderRatio === null || !(read.shoulderRatio < config.frontMinShoulderRatio);
  if (!read.ok || !facing) {
    const wait: PlacementWait = !facing ? 'face-camera' : read.ok ? 'face-camera' : read.wait;
    // A short dropout keeps the window; anything longer starts it again.
    const keep = state.lastSampleMs !== null && t - state.lastSampleMs <= config.dropoutHoldMs;
    return { ...state, wait: keep ? state.wait : wait, missing: read.ok || !facing ? [] : read.missing, samples: keep ? state.samples : [], progress: keep ? state.progress : 0 };
  }
  const samples = [...state.samples, read.sample].filter((s) => s.tMs >= t - config.windowMs);
  const spanMs = t - samples[0]!.tMs;
  const base = { ...state, samples, lastSampleMs: t, missing: [] };
  if (!still(samples, config)) {
    // Keep only the newest sample: the person is moving, the window starts again from here.
    return { ...base, wait: 'moving', samples: [read.sample], progress: 0 };
  }
  // The window is full once it spans windowMs minus one frame interval (frames come at the camera's rate).
  const frameMs = samples.length > 1 ? spanMs / (samples.length - 1) : 0;
  if (spanMs + frameMs < config.windowMs) return { ...base, wait: 'collecting', progress: Math.min(1, spanMs / config.windowMs) };
  const judged = judgeWindow(samples, config);
  if (!isGood(judged)) return { ...base, wait: null, progress: 1, judged };
  return state.view === 'side'
    ? { ...base, phase: 'side', wait: 'turn-side', progress: 1, judged }
    : { ...base, phase: 'done', wait: null, progress: 1, judged };
}

export type ItemStatus = 'ok' | 'bad' | 'pending';
export type PlacementItemId = 'in-view' | 'size' | 'level' | 'facing' | 'light';

export interface PlacementVerdict {
  /** 'checking': nothing judged yet or judging; 'fix': a judged item is wrong; 'good': passed. */
  status: 'checking' | 'fix' | 'good';
  items: { id: PlacementItemId; status: ItemStatus }[];
  /** The one thing to do now: a wait code, or the first failed item. */
  next: PlacementWait | 'camera-tilted' | 'stand-evenly' | 'come-closer' | 'more-light' | null;
}

/** The checklist as the screen shows it: each item's status and the one instruction to follow now. */
export function placementVerdict(s: PlacementState): PlacementVerdict {
  const j = s.judged;
  const inView: ItemStatus = s.wait === 'not-in-view' || s.wait === 'no-person' ? 'bad' : s.wait === 'dim' ? 'pending' : 'ok';
  const facing: ItemStatus = s.phase === 'done' ? 'ok'
    : s.wait === 'face-camera' || (s.phase === 'side' && s.wait === 'turn-side') ? 'bad'
    : s.phase === 'side' || s.view === 'front' ? (s.wait === 'no-person' ? 'pending' : 'ok') : 'pending';
  const fromJudged = (ok: boolean | null): ItemStatus => (ok === null ? 'pending' : ok ? 'ok' : 'bad');
  const items: PlacementVerdict['items'] = [
    { id: 'in-view', status: inView },
    { id: 'size', status: fromJudged(j ? j.size === 'ok' : null) },
    { id: 'level', status: fromJudged(j ? j.level === 'ok' : null) },
    { id: 'facing', status: facing },
    { id: 'light', status: s.wait === 'dim' ? 'bad' : fromJudged(j ? j.light === 'ok' : null) },
  ];
  if (s.phase === 'done') return { status: 'good', items, next: null };
  const judgedNext = !j ? null : j.light === 'dim' ? 'more-light' : j.size === 'small' ? 'come-closer'
    : j.level === 'tilted' ? 'camera-tilted' : j.level === 'uneven' ? 'stand-evenly' : null;
  // Nothing can be judged while these last; otherwise a wrong judged item stays the instruction while the person
  // stands still again (it is judged afresh on every full window).
  const blocking = s.wait === 'no-person' || s.wait === 'dim' || s.wait === 'not-in-view' || s.wait === 'face-camera' || s.wait === 'turn-side';
  const next = blocking ? s.wait : judgedNext ?? s.wait;
  return { status: items.some((i) => i.status === 'bad') ? 'fix' : 'checking', items, next };
}
