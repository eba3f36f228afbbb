// Hand-placed poses for the programme exercises. Pixels of a 1000 x 1000 image, y down.
// Built on frame-builder.ts; each builder takes the exact angle/ratio a test wants to pin.
import type { KeypointName, PoseFrame } from '../../../../src/core/pose-frame';
import { frame, seq, type J, type Joints } from '../frame-builder';

export const rad = (deg: number): number => (deg * Math.PI) / 180;
const k = (side: 'left' | 'right', joint: 'shoulder' | 'hip' | 'knee' | 'ankle'): KeypointName => `${side}_${joint}`;
const at = (p: J, len: number, deg: number): J => ({ x: p.x + len * Math.cos(rad(deg)), y: p.y + len * Math.sin(rad(deg)) });

export interface SideLyingOpts {
  /** Top-leg abduction, deg (toward the ceiling). */
  abductionDeg?: number;
  /** Hip separation across the body as a fraction of the start value (pelvis roll = acos). */
  hipSepFrac?: number;
  /** Clamshell: knees bent; top knee this many torso lengths (200 px) above the bottom knee. */
  kneeGapTorso?: number;
  /** Top leg length as a fraction of 400 px (leg swinging out of the image plane). */
  legFrac?: number;
  /** Which anatomical side is on top. */
  top?: 'left' | 'right';
  /** Rotate the whole body in the image by this angle (deg) about the hip. */
  tiltDeg?: number;
}

/**
 * Side-lying, head on the image left, feet to the right, facing the camera. Top shoulder/hip 140/70 px above the
 * bottom ones (shoulder ratio 0.7 -> front view), torso 200 px, legs 400 px (knee at 200).
 */
export function sideLying(o: SideLyingOpts = {}): Joints {
  const topS = o.top ?? 'left', botS: 'left' | 'right' = topS === 'left' ? 'right' : 'left';
  const hipSep = 70 * (o.hipSepFrac ?? 1);
  const topHip = { x: 500, y: 500 - hipSep / 2 }, botHip = { x: 500, y: 500 + hipSep / 2 };
  const j: Joints = {
    nose: { x: 220, y: 470 },
    [k(topS, 'shoulder')]: { x: 300, y: 430 }, [k(botS, 'shoulder')]: { x: 300, y: 570 },
    [k(topS, 'hip')]: topHip, [k(botS, 'hip')]: botHip,
  };
  if (o.kneeGapTorso !== undefined) {
    // Clamshell: hips flexed (thighs toward the feet-and-down in the image), knees bent, feet together behind.
    const botKnee = { x: 650, y: botHip.y + 40 };
    j[k(botS, 'knee')] = botKnee;
    j[k(topS, 'knee')] = { x: 650, y: botKnee.y - 200 * o.kneeGapTorso };
    j[k(botS, 'ankle')] = { x: 560, y: botHip.y + 120 };
    j[k(topS, 'ankle')] = { x: 560, y: botHip.y + 100 };
  } else {
    const a = -(o.abductionDeg ?? 0); // image angle: 0 = along +x (feet), negative = up
    const L = 400 * (o.legFrac ?? 1);
    j[k(topS, 'knee')] = at(topHip, L / 2, a);
    j[k(topS, 'ankle')] = at(topHip, L, a);
    j[k(botS, 'knee')] = { x: 680, y: 600 };
    j[k(botS, 'ankle')] = { x: 860, y: 560 };
  }
  return o.tiltDeg ? rotate(j, o.tiltDeg, { x: 500, y: 500 }) : j;
}

export function rotate(j: Joints, deg: number, c: J): Joints {
  const out: Joints = {};
  const cs = Math.cos(rad(deg)), sn = Math.sin(rad(deg));
  for (const [k, p] of Object.entries(j) as [keyof Joints, J][]) {
    const dx = p.x - c.x, dy = p.y - c.y;
    out[k] = { ...p, x: c.x + dx * cs - dy * sn, y: c.y + dx * sn + dy * cs };
  }
  return out;
}

/**
 * Frames at `fps` following a piecewise-linear profile of one parameter: [tMs, value] knots.
 * `pose(value)` places the joints.
 */
export function profile(knots: Array<[number, number]>, pose: (v: number, tMs: number) => Joints, fps = 30): PoseFrame[] {
  const end = knots[knots.length - 1]![0];
  return seq((t) => pose(interp(knots, t), t), fps, end);
}

export function interp(knots: Array<[number, number]>, t: number): number {
  if (t <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [t1, v1] = knots[i]!, [t0, v0] = knots[i - 1]!;
    if (t <= t1) return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
  }
  return knots[knots.length - 1]![1];
}

/** `n` reps of start -> peak -> start after `leadMs` at the start value; each rep rises/holds/falls in the given ms. */
export function repKnots(start: number, peak: number, n: number, o: { leadMs?: number; riseMs?: number; holdMs?: number; restMs?: number } = {}): Array<[number, number]> {
  const lead = o.leadMs ?? 1500, rise = o.riseMs ?? 700, hold = o.holdMs ?? 900, rest = o.restMs ?? 700;
  const k: Array<[number, number]> = [[0, start], [lead, start]];
  let t = lead;
  for (let i = 0; i < n; i++) {
    k.push([t += rise, peak], [t += hold, peak], [t += rise, start], [t += rest, start]);
  }
  return k;
}

export { frame };

export interface OneLegOpts {
  stance?: 'left' | 'right';
  /** Stance-leg compression (0 = straight): the hip lowers by depth x 400 px. */
  depth?: number;
  fppaDeg?: number;
  /** Stance knee moved medially (toward the other hip) by this fraction of the 400 px leg (added to `fppaDeg`'s). */
  kneeMedialFrac?: number;
  /** Pelvic obliquity, + = free-side hip lower. */
  dropDeg?: number;
  /** Trunk lean, + = toward the stance side. */
  leanDeg?: number;
  /** Free leg (hip -> ankle) angle from vertical, + outward. */
  freeAbductionDeg?: number;
  /** Free leg length in px (shorter = foot lifted, knee bent in depth). */
  freeLegPx?: number;
  /** Free ankle offset in px (added after placement). */
  freeAnkleDx?: number; freeAnkleDy?: number;
}

/** Facing the camera on one leg; stance ankle at y 900, legs 400 px, hips 80 px apart, torso 200 px, shoulders 140. */
export function oneLeg(o: OneLegOpts = {}): Joints {
  const st = o.stance ?? 'left', fr: 'left' | 'right' = st === 'left' ? 'right' : 'left';
  // Person's left is image right.
  const sx = st === 'left' ? 540 : 460, fx = st === 'left' ? 460 : 540;
  const outward = st === 'left' ? -1 : 1; // free leg's lateral direction in image x
  const stanceHip = { x: sx, y: 900 - 400 * (1 - (o.depth ?? 0)) };
  const stanceAnkle = { x: sx, y: 900 };
  const half = (stanceAnkle.y - stanceHip.y) / 2;
  const medialDir = st === 'left' ? -1 : 1;
  const stanceKnee = { x: sx + medialDir * (half * Math.tan(rad((o.fppaDeg ?? 0) / 2)) + 400 * (o.kneeMedialFrac ?? 0)), y: stanceHip.y + half };
  const freeHip = { x: fx, y: stanceHip.y + 80 * Math.tan(rad(o.dropDeg ?? 0)) };
  const a = rad(o.freeAbductionDeg ?? 0), L = o.freeLegPx ?? 380;
  const freeAnkle = { x: freeHip.x + outward * L * Math.sin(a) + (o.freeAnkleDx ?? 0), y: freeHip.y + L * Math.cos(a) + (o.freeAnkleDy ?? 0) };
  const freeKnee = { x: (freeHip.x + freeAnkle.x) / 2, y: (freeHip.y + freeAnkle.y) / 2 };
  const midHip = { x: (sx + fx) / 2, y: (stanceHip.y + freeHip.y) / 2 };
  const toward = st === 'left' ? 1 : -1;
  const l = rad(o.leanDeg ?? 0);
  const ms = { x: midHip.x + toward * 200 * Math.sin(l), y: midHip.y - 200 * Math.cos(l) };
  return {
    nose: { x: ms.x, y: ms.y - 70 },
    left_shoulder: { x: ms.x + 70, y: ms.y }, right_shoulder: { x: ms.x - 70, y: ms.y },
    [k(st, 'hip')]: stanceHip, [k(st, 'knee')]: stanceKnee, [k(st, 'ankle')]: stanceAnkle,
    [k(fr, 'hip')]: freeHip, [k(fr, 'knee')]: freeKnee, [k(fr, 'ankle')]: freeAnkle,
  };
}

/** Bisection for a monotone function: x in [lo, hi] with f(x) = target. */
export function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
  let a = lo, b = hi;
  const inc = f(hi) > f(lo);
  for (let i = 0; i < 80; i++) {
    const m = (a + b) / 2;
    if ((f(m) < target) === inc) a = m; else b = m;
  }
  return (a + b) / 2;
}

/** Supine, side view (head image left), knees bent. Hip placed so 180 - shoulder-hip-knee = `hipLineDeg` (+ = hips low). */
export function bridge(hipLineDeg: number, o: { kneeAngleDeg?: number } = {}): Joints {
  const S = { x: 300, y: 700 }, K = { x: 700, y: 560 };
  const lineY = (x: number) => S.y + ((x - S.x) / (K.x - S.x)) * (K.y - S.y);
  const dev = (h: number) => {
    const H = { x: 550, y: lineY(550) + h };
    const v1 = { x: S.x - H.x, y: S.y - H.y }, v2 = { x: K.x - H.x, y: K.y - H.y };
    const a = Math.acos((v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y))) * 180 / Math.PI;
    return h >= 0 ? 180 - a : -(180 - a);
  };
  const h = solve(dev, hipLineDeg, -150, 150);
  const H = { x: 550, y: lineY(550) + h };
  const A = { x: 720, y: 760 };
  return {
    nose: { x: 230, y: 670 },
    left_shoulder: { ...S, score: 0.9 }, right_shoulder: { x: S.x + 5, y: S.y - 5, score: 0.5 },
    left_hip: { ...H, score: 0.9 }, right_hip: { x: H.x + 5, y: H.y - 5, score: 0.5 },
    left_knee: { ...K, score: 0.9 }, right_knee: { x: K.x + 5, y: K.y - 5, score: 0.5 },
    left_ankle: { ...A, score: 0.9 }, right_ankle: { x: A.x + 5, y: A.y - 5, score: 0.5 },
  };
}

/** Side view facing image right, standing on the `stance` leg; trunk hinged `hingeDeg` from vertical. */
export function deadlift(o: { hingeDeg: number; kneeDeg?: number; openTorso?: number; stance?: 'left' | 'right'; freeHipScore?: number }): Joints {
  const st = o.stance ?? 'left', fr: 'left' | 'right' = st === 'left' ? 'right' : 'left';
  const hip = { x: 500, y: 500 }, ankle = { x: 500, y: 900 };
  const off = 200 * Math.tan(rad((180 - (o.kneeDeg ?? 170)) / 2));
  const knee = { x: 500 + off, y: 700 };
  const t = rad(o.hingeDeg);
  const sh = { x: hip.x + 200 * Math.sin(t), y: hip.y - 200 * Math.cos(t) };
  const freeHip = { x: 498, y: 500 - (o.openTorso ?? 0) * 200, score: o.freeHipScore ?? 0.8 };
  const freeAnkle = { x: freeHip.x - 400 * Math.sin(t), y: freeHip.y + 400 * Math.cos(t) };
  return {
    nose: { x: sh.x + 40, y: sh.y - 30 },
    left_shoulder: sh, right_shoulder: { x: sh.x - 2, y: sh.y },
    [k(st, 'hip')]: hip, [k(st, 'knee')]: knee, [k(st, 'ankle')]: ankle,
    [k(fr, 'hip')]: freeHip, [k(fr, 'knee')]: { x: (freeHip.x + freeAnkle.x) / 2, y: (freeHip.y + freeAnkle.y) / 2 }, [k(fr, 'ankle')]: freeAnkle,
  };
}

/** Prone, side view, head image left. Working thigh lifted `extDeg` above its rest angle (-5 deg), knee angle `kneeDeg`. */
export function prone(o: { extDeg: number; kneeDeg?: number; trunkLiftDeg?: number; side?: 'left' | 'right' }): Joints {
  const s = o.side ?? 'left', other: 'left' | 'right' = s === 'left' ? 'right' : 'left';
  const hip = { x: 550, y: 700 };
  const tl = rad(o.trunkLiftDeg ?? 0);
  const sh = { x: hip.x - 250 * Math.cos(tl), y: hip.y - 250 * Math.sin(tl) };
  const a = rad(-5 + o.extDeg); // thigh angle above horizontal (toward the feet, +x)
  const knee = { x: hip.x + 220 * Math.cos(a), y: hip.y - 220 * Math.sin(a) };
  const b = a + rad(180 - (o.kneeDeg ?? 90)); // shank turns up by (180 - knee angle)
  const ankle = { x: knee.x + 200 * Math.cos(b), y: knee.y - 200 * Math.sin(b) };
  return {
    nose: { x: sh.x - 60, y: sh.y + 10 },
    left_shoulder: sh, right_shoulder: { x: sh.x + 2, y: sh.y },
    [k(s, 'hip')]: hip, [k(s, 'knee')]: knee, [k(s, 'ankle')]: ankle,
    [k(other, 'hip')]: { x: hip.x + 2, y: hip.y }, [k(other, 'knee')]: { x: hip.x + 220, y: 712 }, [k(other, 'ankle')]: { x: hip.x + 420, y: 715 },
  };
}

/** On all fours seen from behind (person's left on image LEFT). Lifted thigh `angleDeg` out from vertical. */
export function quadruped(o: { angleDeg: number; side?: 'left' | 'right'; tiltDeg?: number }): Joints {
  const s = o.side ?? 'left', other: 'left' | 'right' = s === 'left' ? 'right' : 'left';
  const sx = s === 'left' ? 460 : 540, ox = s === 'left' ? 540 : 460, out = s === 'left' ? -1 : 1;
  const hip = { x: sx, y: 400 - 80 * Math.tan(rad(o.tiltDeg ?? 0)) }; // working hip raised by the tilt
  const a = rad(o.angleDeg);
  const knee = { x: hip.x + out * 200 * Math.sin(a), y: hip.y + 200 * Math.cos(a) };
  return {
    left_shoulder: { x: 440, y: 300 }, right_shoulder: { x: 560, y: 300 },
    [k(s, 'hip')]: hip, [k(other, 'hip')]: { x: ox, y: 400 },
    [k(s, 'knee')]: knee, [k(other, 'knee')]: { x: ox, y: 600 },
    [k(s, 'ankle')]: { x: knee.x, y: knee.y + 30 }, [k(other, 'ankle')]: { x: ox, y: 630 },
  };
}

/** Seated facing the camera, knees together, shanks swung out by left/right deg. */
export function seated(o: { leftDeg: number; rightDeg: number; kneeGapPx?: number }): Joints {
  const g = (o.kneeGapPx ?? 50) / 2;
  const lk = { x: 500 + g, y: 600 }, rk = { x: 500 - g, y: 600 };
  return {
    left_shoulder: { x: 570, y: 250 }, right_shoulder: { x: 430, y: 250 },
    left_hip: { x: 540, y: 450 }, right_hip: { x: 460, y: 450 },
    left_knee: lk, right_knee: rk,
    // person's left = image right: outward = +x for the left leg
    left_ankle: { x: lk.x + 200 * Math.sin(rad(o.leftDeg)), y: lk.y + 200 * Math.cos(rad(o.leftDeg)) },
    right_ankle: { x: rk.x - 200 * Math.sin(rad(o.rightDeg)), y: rk.y + 200 * Math.cos(rad(o.rightDeg)) },
  };
}

/** Prone, side view, head image left; both straight legs lifted `elevDeg` above the trunk line (near side = left). */
export function proneLegs(elevDeg: number, o: { kneeDeg?: number } = {}): Joints {
  const hip = { x: 550, y: 700 }, sh = { x: 300, y: 700 };
  const a = rad(elevDeg);
  const ankle = { x: hip.x + 400 * Math.cos(a), y: hip.y - 400 * Math.sin(a) };
  // knee bent: push the knee down off the hip-ankle line to get the wanted angle
  const off = 200 * Math.tan(rad((180 - (o.kneeDeg ?? 180)) / 2));
  const mid = { x: (hip.x + ankle.x) / 2, y: (hip.y + ankle.y) / 2 };
  const knee = { x: mid.x + off * Math.sin(a), y: mid.y + off * Math.cos(a) };
  return {
    nose: { x: 240, y: 700 },
    left_shoulder: sh, right_shoulder: { x: sh.x + 2, y: sh.y, score: 0.5 },
    left_hip: hip, right_hip: { x: hip.x + 2, y: hip.y, score: 0.5 },
    left_knee: knee, right_knee: { x: knee.x + 2, y: knee.y, score: 0.5 },
    left_ankle: ankle, right_ankle: { x: ankle.x + 2, y: ankle.y, score: 0.5 },
  };
}

/**
 * Supine, seen from the feet (camera low at the feet). Hips 80 px wide at y = 600 - rise x 80; knees higher in the
 * image (closer to the lens), ankles at the bottom 120 px apart; knee separation = kneeRatio x ankle separation.
 */
export function bridgeFront(rise: number, kneeRatio = 1.05): Joints {
  const hy = 600 - rise * 80;
  const kh = (120 * kneeRatio) / 2;
  return {
    left_shoulder: { x: 560, y: 520 }, right_shoulder: { x: 440, y: 520 }, nose: { x: 500, y: 500 },
    left_hip: { x: 540, y: hy }, right_hip: { x: 460, y: hy },
    left_knee: { x: 500 + kh, y: 450 }, right_knee: { x: 500 - kh, y: 450 },
    left_ankle: { x: 560, y: 800 }, right_ankle: { x: 440, y: 800 },
  };
}
