// The gluteus-medius programme exercises (src/rules/registry.ts), each scripted clean and with one main fault at
// graded magnitudes, truth on the 3D bodies. Poses: standing ones on planted / free legs, lying ones built standing
// and laid down (side-lying on the bottom side, prone face down, supine on the back, all fours).
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import { buildBody, freeLeg, hipCentres, neutralPose, standingHipAboveAnkle, transformBody, type Body3D, type BodyPose } from '../../body/skeleton';
import { add, DEG, norm, scale, sub, unit, v3, type Vec3 } from '../../body/vec';
import { kneeValgusFault, pelvicDropFault, trunkLeanFault } from '../../truth/faults';
import { angleDeg, bodyAxes, kneeFlexDeg, kneeMedialPct, legAbductionDeg, pelvicObliquityDeg, trunkLateralDeg } from '../../truth/measures';
import { VALGUS_BANDS } from '../headline/squat';
import { DROP_BANDS, LEAN_BANDS } from '../headline/single-leg-stand';
import { holdClip, intervalsWhere } from '../holds';
import { bandValue } from '../solve';
import { Timeline } from '../timeline';
import type { ExerciseModel, FaultDef } from '../types';
import { repExercise, type Bands } from './factory';

const sgn = (s: Side) => (s === 'left' ? 1 : -1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
const mid = (a: Vec3, b: Vec3) => scale(add(a, b), 0.5);
const NOWHERE = v3(0, -1, 0);
const legEnd = (A: Anthropometry, hip: Vec3, dir: Vec3) => add(hip, scale(unit(dir), 0.999 * (A.thighM + A.shankM)));
const front = (A: Anthropometry) => ({ lookAt: v3(0, 0.5 * A.statureM, 0), azimuthDeg: 0, heightRangeM: [0.3, 1.5] as [number, number], distanceRangeM: [1.5, 4] as [number, number] });
const floorCam = (azimuthDeg: number, lookAt = v3(0, 0.3, 0)) => ({ lookAt, azimuthDeg, heightRangeM: [0.3, 0.9] as [number, number], distanceRangeM: [1.5, 4] as [number, number] });
const fault = (id: string, definition: string, unit: string, cleanMax: number, faultFrom: number, altCutoffs: number[], source: string, cueCodes: string[], side: FaultDef['side'] = 'rep'): FaultDef =>
  ({ id, side, definition, unit, cleanMax, faultFrom, altCutoffs, source, cueCodes, sided: false });
const band = (clean: [number, number], borderline: [number, number], f: [number, number]): Bands => ({ clean, borderline, fault: f });
const standingPose = (A: Anthropometry): BodyPose => ({ ...neutralPose(A), pelvis: v3(0, A.ankleHeightM + 0.999 * (A.thighM + A.shankM), 0) });
const hipsOf = (A: Anthropometry, p: BodyPose) => hipCentres(A, p);
const withLegs = (p: BodyPose, side: Side, working: Vec3, rest: Vec3, dirW?: Vec3): BodyPose =>
  side === 'left' ? { ...p, leftAnkle: working, rightAnkle: rest, ...(dirW ? { leftKneeDir: dirW } : {}) } : { ...p, rightAnkle: working, leftAnkle: rest, ...(dirW ? { rightKneeDir: dirW } : {}) };

/** Lie a standing-frame body on its `bottom` side, hips 12 cm above the floor. */
function laySide(b: Body3D, bottom: Side): Body3D {
  const lying = transformBody(b, v3(0, 0, 0), v3(0, 0, 1), bottom === 'right' ? 90 : -90);
  const bh = lying[`${bottom}_hip`];
  return transformBody(lying, v3(0, 0, 0), v3(0, 0, 1), 0, sub(v3(0, 0.12, 0), v3((lying.left_hip.x + lying.right_hip.x) / 2, bh.y, 0)));
}
/** Face down, head toward +z, the lowest joint 8 cm above the floor. */
function layProne(b: Body3D): Body3D {
  const prone = transformBody(b, v3(0, 0, 0), v3(1, 0, 0), 90);
  const minY = Math.min(...Object.values(prone).map((p) => p.y));
  return transformBody(prone, v3(0, 0, 0), v3(1, 0, 0), 0, v3(0, 0.08 - minY, 0));
}

// ---------------------------------------------------------------- side-lying hip abduction
const outOfPlane = fault('leg-out-of-plane', 'angle of the top leg (hip -> ankle) out of the body\'s frontal plane (swung behind or in front), deg, peak in the rep', 'deg', 15, 35, [25, 45],
  'ours: the checker\'s image-length test flags >= ~41 deg; 35 deg is a clear swing, 15 deg within normal wobble', ['LEG_OUT_OF_PLANE']);
const sideLying = repExercise({
  id: 'side-lying-hip-abduction', view: 'front', lying: true, sided: true, faults: [outOfPlane],
  bands: { 'leg-out-of-plane': band([0, 10], [20, 30], [40, 55]) },
  measure: (_id, b, side) => { const ax = bodyAxes(b); const v = unit(sub(b[`${side}_ankle`], b[`${side}_hip`])); return Math.abs(Math.asin(Math.max(-1, Math.min(1, v.x * ax.forward.x + v.y * ax.forward.y + v.z * ax.forward.z)))) / DEG; },
  body(A, top, q, amps) {
    const p = { ...standingPose(A), arms: 'overhead' as const };
    const a = 40 * q * DEG, bk = (amps['leg-out-of-plane'] ?? 0) * q * DEG;
    const hip = hipsOf(A, p)[top];
    const topAnkle = legEnd(A, hip, v3(sgn(top) * Math.sin(a) * Math.cos(bk), -Math.cos(a) * Math.cos(bk), -Math.sin(bk)));
    return laySide(buildBody(A, withLegs(p, top, topAnkle, v3(-sgn(top) * A.hipHalfM, A.ankleHeightM, 0))), other(top));
  },
  camera: () => floorCam(0), tempo: { downMs: 900, bottomMs: 500, upMs: 900, pauseMs: 700 },
  measures: [{ metric: 'peakAbductionDeg', per: 'rep', unit: 'deg', note: 'checker: 2D top leg vs trunk line; truth: 3D abduction in the frontal plane', truth: (bs, side) => Math.max(...bs.map((b) => legAbductionDeg(b, side as Side))) }],
});

// ---------------------------------------------------------------- clamshell
const feetApart = fault('feet-apart', '3D ankle separation over the trunk length, peak in the rep', 'trunk', 0.2, 0.45, [0.35, 0.55], 'ours: the checker flags 0.4 torso; feet together ~0.1', ['FEET_APART']);
const clamshell = repExercise({
  id: 'clamshell', view: 'front', lying: true, sided: true, faults: [feetApart],
  bands: { 'feet-apart': band([0, 0.05], [0.2, 0.3], [0.45, 0.6]) },
  measure: (_id, b) => norm(sub(b.left_ankle, b.right_ankle)) / norm(sub(mid(b.left_shoulder, b.right_shoulder), mid(b.left_hip, b.right_hip))),
  body(A, top, q, amps) {
    const p = { ...neutralPose(A), arms: 'overhead' as const };
    const hips = hipsOf(A, p);
    const c45 = Math.SQRT1_2;
    const sep = (amps['feet-apart'] ?? 0) * q * A.trunkM;
    const ankleOf = (s: Side) => {
      const knee = add(hips[s], scale(v3(0, -c45, c45), A.thighM));
      const a = add(knee, scale(v3(0, -c45, -c45), A.shankM));
      return v3(sgn(s) * (0.04 + (s === top ? sep : 0)), a.y, a.z);
    };
    const pose: BodyPose = { ...p, leftAnkle: ankleOf('left'), rightAnkle: ankleOf('right'), ...(top === 'left' ? { leftValgusDeg: -45 * q } : { rightValgusDeg: -45 * q }) };
    return laySide(buildBody(A, pose), other(top));
  },
  camera: () => floorCam(0), tempo: { downMs: 900, bottomMs: 600, upMs: 900, pauseMs: 700 },
});

// ---------------------------------------------------------------- single-leg squat
const slsValgus = kneeValgusFault('front');
const singleLegSquat = repExercise({
  id: 'single-leg-squat', view: 'front', lying: false, sided: true, faults: [{ ...slsValgus, id: 'knee-valgus-stance', definition: slsValgus.definition.replace('front', 'stance') }],
  bands: { 'knee-valgus-stance': { clean: [-4, 1.5], borderline: VALGUS_BANDS.borderline, fault: VALGUS_BANDS.fault } },
  measure: (_id, b, side) => kneeMedialPct(b, side),
  body(A, s, q, amps) {
    const p = standingPose(A);
    const h0 = 0.995 * (A.thighM + A.shankM), drop = 0.2 * q;
    const pelvis = v3(0, A.ankleHeightM + h0 * (1 - drop), -0.45 * drop * h0);
    const pose: BodyPose = { ...p, pelvis, trunkFlexDeg: 25 * q, arms: 'forward' };
    const free = v3(-sgn(s) * A.hipHalfM, pelvis.y - 0.75 * (A.thighM + A.shankM), pelvis.z + 0.35 * (A.thighM + A.shankM));
    // Knee swivel scripted so the medial displacement at the bottom is near the amplitude (% leg): ~1 % per 1.9 deg.
    const sw = (amps['knee-valgus-stance'] ?? 0) * 1.9 * q;
    return buildBody(A, { ...withLegs(pose, s, v3(sgn(s) * A.hipHalfM, A.ankleHeightM, 0), free), ...(s === 'left' ? { leftValgusDeg: sw } : { rightValgusDeg: sw }) });
  },
  camera: front, tempo: { downMs: 1000, bottomMs: 300, upMs: 1000, pauseMs: 700 },
});

// ---------------------------------------------------------------- lateral step-up (starts on the step, knee bent)
const stepValgus = { ...kneeValgusFault('front'), id: 'knee-valgus-step', definition: 'medial displacement of the knee on the step from its hip-ankle line (frontal plane, % leg), peak while bent' };
const stepUp = repExercise({
  id: 'lateral-step-up', view: 'front', lying: false, sided: true, faults: [stepValgus],
  bands: { 'knee-valgus-step': { clean: [-4, 1.5], borderline: VALGUS_BANDS.borderline, fault: VALGUS_BANDS.fault } },
  measure: (_id, b, side) => kneeMedialPct(b, side),
  // q = 0: on the step, knee bent (start); q = 1: the working leg straight.
  body(A, w, q, amps) {
    const leg = A.thighM + A.shankM, stepM = 0.18;
    const pelvisY = A.ankleHeightM + 0.995 * leg - 0.05 + q * (stepM + 0.05);
    const work = v3(sgn(w) * A.hipHalfM * 1.3, A.ankleHeightM + stepM, 0);
    const trail = v3(-sgn(w) * A.hipHalfM, Math.max(A.ankleHeightM, pelvisY - 0.995 * leg), 0.02);
    const sw = (amps['knee-valgus-step'] ?? 0) * 2.5 * (1 - q);
    const p = { ...standingPose(A), pelvis: v3(0, pelvisY, 0) };
    return buildBody(A, { ...withLegs(p, w, work, trail), ...(w === 'left' ? { leftValgusDeg: sw } : { rightValgusDeg: sw }) });
  },
  camera: front, tempo: { downMs: 1000, bottomMs: 500, upMs: 1000, pauseMs: 800 },
});

// ---------------------------------------------------------------- standing hip abduction (lean toward the stance leg)
const standingAbduction = repExercise({
  // The lean is toward the stance leg, the other one than the rep's (moving) leg: a TRUNK_LEAN cue names that leg.
  id: 'standing-hip-abduction', view: 'front', lying: false, sided: true, faults: [{ ...trunkLeanFault(), side: 'rep-other' }],
  bands: { 'trunk-lean': band(LEAN_BANDS.clean, LEAN_BANDS.borderline, LEAN_BANDS.fault) },
  measure: (_id, b, side) => trunkLateralDeg(b, other(side)),
  body(A, mv, q, amps) {
    const st = other(mv);
    const p: BodyPose = { ...standingPose(A), trunkLeanLeftDeg: sgn(st) * (amps['trunk-lean'] ?? 0) * q };
    const hips = hipsOf(A, p);
    const a = (30 * q + 2) * DEG;
    const moving = legEnd(A, hips[mv], v3(sgn(mv) * Math.sin(a), -Math.cos(a), 0));
    return buildBody(A, withLegs(p, mv, moving, v3(hips[st].x, A.ankleHeightM, 0)));
  },
  camera: front, tempo: { downMs: 800, bottomMs: 500, upMs: 800, pauseMs: 700 },
});

// ---------------------------------------------------------------- hip hitch (stance knee must stay straight)
const kneeBending = fault('stance-knee-bending', 'stance knee flexion (3D), deg, peak in the rep', 'deg', 5, 15, [10, 20], 'ours: the checker flags 5 % leg shortening (~18 deg)', ['STANCE_KNEE_BENDING']);
const hipHitch = repExercise({
  id: 'hip-hitch', view: 'front', lying: false, sided: true, faults: [kneeBending],
  bands: { 'stance-knee-bending': band([0, 3], [7, 12], [18, 28]) },
  measure: (_id, b, side) => kneeFlexDeg(b, side),
  body(A, s, q, amps) {
    const o = other(s), leg = A.thighM + A.shankM;
    const roll = (o === 'left' ? 1 : -1) * 10 * q;
    const bend = (amps['stance-knee-bending'] ?? 0) * q * DEG;
    // A bent stance knee lowers the hip: hip above ankle = 2-link leg with that flexion.
    const hipAbove = Math.sqrt(A.thighM ** 2 + A.shankM ** 2 + 2 * A.thighM * A.shankM * Math.cos(bend)) * 0.99999;
    const p: BodyPose = { ...standingPose(A), pelvisRollDeg: roll };
    const hip0 = hipsOf(A, { ...p, pelvis: v3(0, 0, 0) })[s];
    p.pelvis = v3(0, A.ankleHeightM + hipAbove - hip0.y, 0);
    const hips = hipsOf(A, p);
    const free = legEnd(A, hips[o], v3(0, -0.99, 0.14));
    return buildBody(A, withLegs(p, s, v3(sgn(s) * A.hipHalfM, A.ankleHeightM, 0), free));
  },
  camera: front, tempo: { downMs: 800, bottomMs: 400, upMs: 800, pauseMs: 800 },
  measures: [{ metric: 'peakDropDeg', per: 'rep', unit: 'deg', note: 'checker: 2D hip line, free side lower; truth: 3D pelvic obliquity', truth: (bs, side) => Math.max(...bs.map((b) => pelvicObliquityDeg(b, side as Side))) }],
});

// ---------------------------------------------------------------- glute bridge (supine), from the side and from the feet
function bridgeBody(A: Anthropometry, q: number, liftM: number, valgusDeg: number): Body3D {
  const hipH = 0.1 + liftM * q, shoulderH = 0.08, footD = 0.5;
  const flex = -Math.asin(Math.min(1, (hipH - shoulderH) / A.trunkM)) / DEG;
  const pose: BodyPose = {
    ...neutralPose(A), pelvis: v3(0, 0, hipH), trunkFlexDeg: flex, arms: 'sides',
    leftAnkle: v3(A.hipHalfM * 1.1, -footD, A.ankleHeightM), rightAnkle: v3(-A.hipHalfM * 1.1, -footD, A.ankleHeightM),
    leftValgusDeg: valgusDeg * q, rightValgusDeg: valgusDeg * q,
  };
  return transformBody(buildBody(A, pose), v3(0, 0, 0), v3(1, 0, 0), -90);
}
const hipLine3d = (b: Body3D, s: Side) => 180 - angleDeg(b[`${s}_shoulder`], b[`${s}_hip`], b[`${s}_knee`]);
const overextended = fault('hips-overextended', 'hips above the 3D shoulder-knee line (180 - shoulder-hip-knee angle, hips high), deg, peak', 'deg', 5, 15, [10, 20], 'ours: the checker flags -15 deg (its hip line)', ['HIPS_OVEREXTENDED'], 'both');
const overSign = (b: Body3D) => {
  const s = b.left_shoulder, h = b.left_hip, k = b.left_knee, sk = sub(k, s);
  const t = ((h.x - s.x) * sk.x + (h.y - s.y) * sk.y + (h.z - s.z) * sk.z) / (sk.x ** 2 + sk.y ** 2 + sk.z ** 2);
  return h.y > s.y + t * sk.y ? hipLine3d(b, 'left') : -hipLine3d(b, 'left');
};
const gluteBridge = repExercise({
  id: 'glute-bridge', view: 'side', lying: true, sided: false, faults: [overextended],
  bands: { 'hips-overextended': band([0.2, 0.24], [0.27, 0.29], [0.31, 0.36]) },
  measure: (_id, b) => overSign(b),
  body: (A, _s, q, amps) => bridgeBody(A, q, amps['hips-overextended'] ?? 0.22, 0),
  camera: () => floorCam(90, v3(0, 0.2, -0.2)), tempo: { downMs: 900, bottomMs: 800, upMs: 900, pauseMs: 700 },
});
const bridgeAxes = (b: Body3D) => { const ax = bodyAxes(b); return { lateral: ax.lateral, forward: ax.forward }; };
const caving = { ...kneeValgusFault('left'), id: 'knees-caving', side: 'both' as const, definition: 'larger medial knee displacement from the hip-ankle line in the body\'s frontal plane (supine), % leg, peak with the hips up', cueCodes: ['KNEES_CAVING'], sided: false };
const gluteBridgeFront = repExercise({
  id: 'glute-bridge-front', view: 'front', lying: true, sided: false, faults: [caving],
  bands: { 'knees-caving': band([-6, 0], [3, 6], [9, 16]) },
  measure: (_id, b) => Math.max(kneeMedialPct(b, 'left', bridgeAxes(b)), kneeMedialPct(b, 'right', bridgeAxes(b))),
  body: (A, _s, q, amps) => bridgeBody(A, q, 0.22, (amps['knees-caving'] ?? 0) * 2.2),
  camera: () => ({ lookAt: v3(0, 0.2, 0), azimuthDeg: 0, heightRangeM: [0.3, 0.6], distanceRangeM: [1.5, 3] }),
  tempo: { downMs: 900, bottomMs: 800, upMs: 900, pauseMs: 700 },
});

// ---------------------------------------------------------------- single-leg deadlift (side view): soft stance knee
const kneeLocked = fault('stance-knee-locked', 'stance knee angle (3D, 180 = straight), deg, peak over the hinge', 'deg', 170, 177, [174, 179], 'seeds: keep a soft knee; the checker flags >= 176 deg', ['STANCE_KNEE_LOCKED']);
const deadlift = repExercise({
  id: 'single-leg-deadlift', view: 'side', lying: false, sided: true, faults: [kneeLocked],
  bands: { 'stance-knee-locked': band([12, 18], [5, 8], [0, 2]) },
  measure: (_id, b, side) => 180 - kneeFlexDeg(b, side),
  body(A, st, q, amps) {
    const leg = A.thighM + A.shankM, h = 80 * q * DEG, flex = (amps['stance-knee-locked'] ?? 12) * DEG;
    const hipAbove = Math.sqrt(A.thighM ** 2 + A.shankM ** 2 + 2 * A.thighM * A.shankM * Math.cos(flex)) * 0.99999;
    const p: BodyPose = { ...neutralPose(A), pelvis: v3(0, A.ankleHeightM + hipAbove, -0.12 * Math.sin(h) * leg), trunkFlexDeg: 80 * q, arms: 'sides' };
    const hips = hipsOf(A, p);
    const free = legEnd(A, hips[other(st)], v3(0, -Math.cos(h), -Math.sin(h)));
    return buildBody(A, withLegs(p, st, v3(hips[st].x, A.ankleHeightM, p.pelvis.z + 0.02), free));
  },
  camera: (A, st) => ({ ...front(A), azimuthDeg: st === 'left' ? 90 : -90 }), tempo: { downMs: 1100, bottomMs: 500, upMs: 1100, pauseMs: 700 },
});

// ---------------------------------------------------------------- prone hip extension (side view): knee stays bent
const kneeStraight = fault('knee-straightening', 'working knee angle (3D, 180 = straight), deg, peak in the rep', 'deg', 105, 135, [120, 150], 'ours: the checker flags > 120 deg; the exercise keeps ~90 deg', ['KNEE_STRAIGHTENING']);
const proneHipExtension = repExercise({
  id: 'prone-hip-extension', view: 'side', lying: true, sided: true, faults: [kneeStraight],
  bands: { 'knee-straightening': band([85, 100], [112, 125], [140, 160]) },
  measure: (_id, b, side) => 180 - kneeFlexDeg(b, side),
  body(A, s, q, amps) {
    const p: BodyPose = { ...standingPose(A), arms: 'overhead' };
    const hips = hipsOf(A, p);
    const e = 20 * q * DEG, kneeAngle = 90 + ((amps['knee-straightening'] ?? 90) - 90) * q;
    const thigh = v3(0, -Math.cos(e), -Math.sin(e));
    const knee = add(hips[s], scale(thigh, A.thighM));
    const bend = (180 - kneeAngle) * DEG; // shank turns back from the thigh line by this much
    const shank = v3(0, -Math.cos(e + bend), -Math.sin(e + bend));
    const ankle = add(knee, scale(shank, A.shankM));
    return layProne(buildBody(A, withLegs(p, s, ankle, v3(hips[other(s)].x, A.ankleHeightM, 0), thigh)));
  },
  camera: (_A, s) => floorCam(s === 'left' ? 90 : -90, v3(0, 0.2, 0.75)), tempo: { downMs: 800, bottomMs: 600, upMs: 800, pauseMs: 800 },
});

// ---------------------------------------------------------------- quadruped hip abduction (camera behind): pelvis level
const pelvisTilt = fault('pelvis-tilt', '3D obliquity of the hip joint centre line against the floor, deg, peak in the rep', 'deg', 4, 12, [8, 16], 'ours: the checker flags 10 deg', ['PELVIS_TILT']);
const quadruped = repExercise({
  id: 'quadruped-hip-abduction', view: 'front', lying: true, sided: true, faults: [pelvisTilt],
  bands: { 'pelvis-tilt': band([0, 2], [6, 9], [14, 20]) },
  measure: (_id, b) => Math.abs(pelvicObliquityDeg(b, 'left')),
  body(A, s, q, amps) {
    // On all fours the pelvis tilts sideways about the body's long axis: the standing frame's vertical (yaw).
    const p: BodyPose = { ...neutralPose(A), pelvis: v3(0, 1.0, 0), arms: 'forward', yawDeg: sgn(s) * (amps['pelvis-tilt'] ?? 0) * q };
    const hips = hipsOf(A, p);
    const legOf = (side: Side, aDeg: number) => {
      const a = aDeg * DEG, dir = v3(sgn(side) * Math.sin(a), 0, Math.cos(a));
      return { ankle: add(add(hips[side], scale(dir, A.thighM)), scale(v3(0, -1, 0), A.shankM)), dir };
    };
    const l = legOf('left', s === 'left' ? 60 * q : 0), r = legOf('right', s === 'right' ? 60 * q : 0);
    return layProne(buildBody(A, { ...p, leftAnkle: l.ankle, rightAnkle: r.ankle, leftKneeDir: l.dir, rightKneeDir: r.dir }));
  },
  camera: () => ({ lookAt: v3(0, 0.45, 0.3), azimuthDeg: 180, heightRangeM: [0.4, 1.0], distanceRangeM: [1.5, 3.5] }),
  tempo: { downMs: 900, bottomMs: 5500, upMs: 900, pauseMs: 1000 },
});

// ---------------------------------------------------------------- seated side foot raise: knees stay together
const kneesApart = fault('knees-apart', '3D knee separation over the hip joint width, peak in the rep', 'hip widths', 1.0, 1.5, [1.25, 1.75], 'ours: the checker flags > 1.0 hip width (keypoint hips sit wider)', ['KNEES_APART'], 'both');
const seated = repExercise({
  id: 'seated-side-foot-raise', view: 'front', lying: false, sided: false, faults: [kneesApart],
  bands: { 'knees-apart': band([0.4, 0.8], [1.1, 1.35], [1.6, 2.2]) },
  measure: (_id, b) => norm(sub(b.left_knee, b.right_knee)) / norm(sub(b.left_hip, b.right_hip)),
  body(A, _s, q, amps) {
    const p: BodyPose = { ...neutralPose(A), pelvis: v3(0, 0.78, 0), arms: 'sides', armFlexDeg: 30 };
    const hips = hipsOf(A, p);
    // Knees held this many hip joint widths apart through the rep (the fault: they drift apart).
    const half = ((amps['knees-apart'] ?? 0.6) * A.hipHalfM * 2) / 2;
    const legOf = (s: Side) => {
      const hip = hips[s], dx = sgn(s) * half - hip.x;
      const knee = v3(sgn(s) * half, hip.y, hip.z + Math.sqrt(Math.max(0.01, A.thighM ** 2 - dx * dx)));
      const a = 32 * q * DEG;
      return { ankle: add(knee, scale(v3(sgn(s) * Math.sin(a), -Math.cos(a), 0), A.shankM)), dir: sub(knee, hip) };
    };
    const l = legOf('left'), r = legOf('right');
    return buildBody(A, { ...p, leftAnkle: l.ankle, rightAnkle: r.ankle, leftKneeDir: l.dir, rightKneeDir: r.dir });
  },
  camera: (A) => ({ ...front(A), lookAt: v3(0, 0.6, 0.2) }), tempo: { downMs: 800, bottomMs: 600, upMs: 800, pauseMs: 700 },
});

// ---------------------------------------------------------------- standing hip circumduction (circles)
const circumduction: ExerciseModel = {
  id: 'standing-hip-circumduction', headline: false, kind: 'reps', faults: [{ ...trunkLeanFault(), side: 'rep-other' }], measures: [],
  starts: ['top-long', 'top-short'], arms: ['sides', 'hips'],
  measure: (_id, b, script) => trunkLateralDeg(b, other(script.side!)),
  script(rng, A, o) {
    const side: Side = rng.next() < 0.5 ? 'left' : 'right', st = other(side);
    const n = 2 + Math.floor(rng.next() * 3), period = rng.uniform(1800, 3000), dir = rng.next() < 0.5 ? 1 : -1, lead = 3000;
    let lean = bandValue(rng.next(), 'clean', LEAN_BANDS);
    if (o.fault) lean = bandValue(rng.next(), o.fault.level, LEAN_BANDS);
    const bodyAt = (t: number) => {
      const turns = Math.max(0, Math.min(n, (t - lead) / period)), amp = Math.min(1, turns / 0.25, (n - turns) / 0.25 + 0.001);
      const ph = dir * turns * 2 * Math.PI;
      const p: BodyPose = { ...standingPose(A), arms: o.arms, trunkLeanLeftDeg: sgn(st) * lean * Math.min(1, amp) };
      const hips = hipsOf(A, p);
      const ax = unit(v3(sgn(side) * Math.sin(15 * DEG), -Math.cos(40 * DEG), Math.sin(40 * DEG)));
      const u0 = unit(sub(v3(1, 0, 0), scale(ax, ax.x)));
      const w = v3(ax.y * u0.z - ax.z * u0.y, ax.z * u0.x - ax.x * u0.z, ax.x * u0.y - ax.y * u0.x);
      const b = 25 * Math.max(0, amp) * DEG;
      const d = add(scale(ax, Math.cos(b)), scale(add(scale(u0, Math.cos(ph)), scale(w, Math.sin(ph))), Math.sin(b)));
      const knee = add(hips[side], scale(d, A.thighM));
      const ankle = add(knee, scale(unit(v3(0, -0.9, -0.44)), A.shankM));
      return buildBody(A, withLegs(p, side, ankle, v3(hips[st].x, A.ankleHeightM, 0), d));
    };
    const reps = Array.from({ length: n }, (_, i) => ({ side, startMs: lead + i * period, bottomMs: lead + (i + 0.5) * period, bottomEndMs: lead + (i + 0.5) * period, endMs: lead + (i + 1) * period }));
    const dur = lead + n * period + rng.uniform(500, 1500);
    const s0 = o.start === 'top-short' ? lead - rng.uniform(0, 1000) : lead - rng.uniform(1000, 3000);
    return {
      script: {
        exerciseId: 'standing-hip-circumduction', side, configOverrides: {}, view: 'front', lying: false, body: A, bodyAt, armsAt: () => o.arms,
        durationMs: dur, reps, holds: [], trials: [], camera: front(A), scripted: { leanDeg: lean, direction: dir }, notes: `${n} circles of the ${side} leg`,
      },
      clipStartMs: s0, clipMs: dur - s0,
    };
  },
};

// ---------------------------------------------------------------- holds: prone straddle, multi-angle wall clamshell
const kneesBendingHold = fault('knees-bending', 'knee flexion (3D) of the lifted legs, deg, peak over the hold', 'deg', 10, 35, [25, 45], 'ours: the checker flags a knee under 150 deg (30 deg flexion)', ['KNEES_BENDING'], 'both');
const proneStraddle: ExerciseModel = {
  id: 'prone-straddle-hold', headline: false, kind: 'hold', faults: [kneesBendingHold], measures: [], starts: ['top-long', 'top-short', 'mid-hold'], arms: ['overhead'],
  measure: (_id, b) => Math.max(kneeFlexDeg(b, 'left'), kneeFlexDeg(b, 'right')),
  script(rng, A, o) {
    let bend = rng.uniform(0, 6);
    if (o.fault) bend = bandValue(rng.next(), o.fault.level, band([0, 6], [18, 26], [42, 60]));
    const lead = 3000, up = 500, hold = rng.uniform(6000, 12000), down = 500, tail = rng.uniform(800, 1500);
    const tl = new Timeline(0, [{ durationMs: lead, to: 0 }, { durationMs: up, to: 1 }, { durationMs: hold, to: 1 }, { durationMs: down, to: 0 }, { durationMs: tail, to: 0 }]);
    const bodyAt = (t: number) => {
      const q = tl.value(t);
      const p: BodyPose = { ...standingPose(A), arms: 'overhead' };
      const hips = hipsOf(A, p);
      const e = (12 * q - 2) * DEG, s = 25 * q * DEG;
      const end = (side: Side) => { const f = freeLeg(A, hips[side], side, { flexDeg: -e / DEG, abdDeg: s / DEG, kneeFlexDeg: bend * q }); return f; };
      const l = end('left'), r = end('right');
      return layProne(buildBody(A, { ...p, leftAnkle: l.ankle, rightAnkle: r.ankle, leftKneeDir: l.kneeDir, rightKneeDir: r.kneeDir }));
    };
    const holds = [{ side: 'both' as const, startMs: lead + up * 0.6, endMs: lead + up + hold + down * 0.4 }];
    return {
      script: {
        exerciseId: 'prone-straddle-hold', configOverrides: {}, view: 'side', lying: true, body: A, bodyAt, armsAt: () => 'overhead', durationMs: tl.durationMs,
        reps: [], holds, trials: [{ side: 'both', startMs: lead + up, endMs: lead + up + hold }], camera: floorCam(rng.next() < 0.5 ? 90 : -90, v3(0, 0.2, 0.3)),
        scripted: { kneeBendDeg: bend }, notes: `straddle hold ${Math.round(hold)} ms`,
      },
      ...holdClip(o.start, rng, lead, lead + up, tl.durationMs),
    };
  },
};

const wallClamshell: ExerciseModel = {
  id: 'wall-clamshell', headline: false, kind: 'hold', faults: [pelvicDropFault(), trunkLeanFault()], measures: [], starts: ['top-long', 'top-short', 'mid-hold'], arms: ['sides', 'hips'],
  measure(id, b, script) {
    const s = script.side!;
    if (id === 'pelvic-drop') return pelvicObliquityDeg(b, s) - script.scripted.baselineObliquityDeg!;
    return trunkLateralDeg(b, s) - script.scripted.baselineLeanDeg!;
  },
  script(rng, A, o) {
    const stance: Side = rng.next() < 0.5 ? 'left' : 'right', lifted = other(stance);
    let drop = bandValue(rng.next(), 'clean', DROP_BANDS), lean = bandValue(rng.next(), 'clean', LEAN_BANDS);
    if (o.fault?.id === 'pelvic-drop') drop = bandValue(rng.next(), o.fault.level, DROP_BANDS);
    if (o.fault?.id === 'trunk-lean') lean = bandValue(rng.next(), o.fault.level, LEAN_BANDS);
    const lead = 3000, holdMs = rng.uniform(5000, 9000), rest = rng.uniform(1200, 2000), nHolds = 3;
    const segs = [{ durationMs: lead, to: 0 }];
    for (let i = 0; i < nHolds; i++) segs.push({ durationMs: 400, to: 1 }, { durationMs: holdMs, to: 1 }, { durationMs: 400, to: 0 }, { durationMs: rest, to: 0 });
    const tl = new Timeline(0, segs);
    const bodyAt = (t: number) => {
      const q = tl.value(t);
      const p: BodyPose = { ...standingPose(A), arms: o.arms, pelvisRollDeg: (lifted === 'left' ? 1 : -1) * drop * q, trunkLeanLeftDeg: sgn(stance) * lean * q };
      const hip0 = hipsOf(A, { ...p, pelvis: v3(0, 0, 0) })[stance];
      p.pelvis = v3(0, A.ankleHeightM + standingHipAboveAnkle(A, 0) - hip0.y, 0);
      const hips = hipsOf(A, p);
      const f = freeLeg(A, hips[lifted], lifted, { flexDeg: 70 * q, abdDeg: 0, kneeFlexDeg: 2 + 80 * q });
      return buildBody(A, withLegs(p, lifted, f.ankle, v3(hips[stance].x, A.ankleHeightM, 0), f.kneeDir));
    };
    const start = bodyAt(0);
    // The hold is the knee pressed into the wall with the foot up, not the lift getting there: the foot at least half
    // way to its held height (a foot 2 cm off the floor is the first tenth of a 400 ms lift to ~25 cm).
    const heldLiftM = bodyAt(lead + 400 + 100)[`${lifted}_ankle`].y - A.ankleHeightM;
    const holds = intervalsWhere((t) => bodyAt(t)[`${lifted}_ankle`].y - A.ankleHeightM >= 0.5 * heldLiftM, lead, tl.durationMs, stance);
    return {
      script: {
        // The set's target covers the scripted holds (the exercise articles' 10 s): a target under the hold would end the
        // clock at the target while the truth counts on, scoring the target, not the timing.
        exerciseId: 'wall-clamshell', side: stance, configOverrides: { holdTargetMs: 10_000 }, view: 'front', lying: false, body: A, bodyAt, armsAt: () => o.arms, durationMs: tl.durationMs,
        reps: [], holds, trials: holds, camera: front(A),
        scripted: { baselineObliquityDeg: pelvicObliquityDeg(start, stance), baselineLeanDeg: trunkLateralDeg(start, stance), dropDeg: drop, leanDeg: lean },
        notes: `${nHolds} holds on the ${stance} leg`,
      },
      ...holdClip(o.start, rng, lead, lead + 400, tl.durationMs),
    };
  },
};

export const PROGRAMME_MODELS: readonly ExerciseModel[] = [
  sideLying, clamshell, singleLegSquat, stepUp, standingAbduction, hipHitch, gluteBridge, gluteBridgeFront, deadlift,
  proneHipExtension, quadruped, seated, proneStraddle, wallClamshell, circumduction,
];
