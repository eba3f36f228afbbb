// Words for finding codes: what the big cue says, what the voice says, and labels for measures and metrics.
// Rules emit codes only; the UI looks the words up here. Unknown codes still read sensibly (humanised).
import type { FindingSide } from '../rules/engine/types';

export interface CueWords {
  /** Short imperative for the big live text (readable at 2-3 m). */
  text: string;
  /** What the voice says (may be a bit longer). */
  say?: string;
  /** Plain name of the fault for summaries and counts. */
  fault: string;
  /** The finding's side is the standing leg (single-leg checks), not the side at fault: say so. */
  sideIsStance?: boolean;
}

const CUES: Record<string, CueWords> = {
  KNEE_VALGUS: { text: 'Push the knee out', say: 'Knee out, over your toes', fault: 'Knee caving in' },
  KNEES_CAVING: { text: 'Knees apart', say: 'Push your knees apart', fault: 'Knees caving in' },
  KNEES_INSIDE_ANKLES: { text: 'Knees apart', say: 'Push your knees apart', fault: 'Knees inside the ankles' },
  PELVIC_DROP: { text: 'Keep the hips level', say: 'Lift the dropping hip', fault: 'Pelvic drop', sideIsStance: true },
  TRUNK_LEAN: { text: 'Stand tall', say: 'Stay upright, no leaning', fault: 'Trunk lean', sideIsStance: true },
  HIP_SAG: { text: 'Lift the hips', say: 'Hips up, straight line', fault: 'Hips sagging' },
  HIP_PIKE: { text: 'Lower the hips', say: 'Hips down into a straight line', fault: 'Hips piking up' },
  PELVIS_ROLL: { text: 'Keep hips stacked', say: 'Do not roll back', fault: 'Pelvis rolling' },
  LEG_BELOW_TRUNK_LINE: { text: 'Lift in line', say: 'Keep the leg in line with your body', fault: 'Leg below the body line' },
  FEET_APART: { text: 'Feet together', say: 'Keep your feet together', fault: 'Feet coming apart' },
  HIP_EXTENSION_INCOMPLETE: { text: 'Hips higher', say: 'Push the hips all the way up', fault: 'Hips not fully up' },
  HIPS_OVEREXTENDED: { text: 'Do not arch', say: 'Stop at a straight line', fault: 'Back arched' },
  STANCE_KNEE_LOCKED: { text: 'Soften the knee', say: 'Keep a soft knee', fault: 'Standing knee locked' },
  PELVIS_OPENING: { text: 'Hips square', say: 'Keep your hips square to the floor', fault: 'Pelvis opening' },
  HINGE_SHALLOW: { text: 'Hinge further', fault: 'Shallow hinge' },
  RANGE_SMALL: { text: 'Bigger range', say: 'Move a little further', fault: 'Small range' },
  STANCE_KNEE_BENDING: { text: 'Straight standing knee', say: 'Keep the standing knee straight', fault: 'Standing knee bending' },
  KNEE_STRAIGHTENING: { text: 'Keep the knee bent', fault: 'Knee straightening' },
  PELVIS_LIFTING: { text: 'Hips on the floor', say: 'Keep your hips down', fault: 'Hips lifting' },
  PELVIS_TILT: { text: 'Keep the hips level', fault: 'Pelvis tilting' },
  HOLD_SHORT: { text: 'Hold at the top', say: 'Pause at the top', fault: 'Short hold' },
  LEGS_DOWN: { text: 'Legs up', say: 'Lift your legs', fault: 'Legs down' },
  KNEES_APART: { text: 'Knees together', say: 'Keep your knees together', fault: 'Knees apart' },
  SQUAT_SHALLOW: { text: 'Go a bit deeper', fault: 'Shallow squat' },
  DEPTH_SHALLOW: { text: 'Go a bit deeper', fault: 'Shallow' },
  SHALLOW: { text: 'Go a bit deeper', fault: 'Shallow' },
  FOOT_DOWN: { text: 'Foot down', fault: 'Foot down' },
  SHALLOW_REP: { text: 'Go a bit deeper', say: 'A little deeper next time', fault: 'Shallow rep' },
  SIDE_MISMATCH: { text: 'Other side up', say: 'Lie on the other side, or change the side you picked', fault: 'Wrong side up' },
  HIP_HIKE: { text: 'Keep the hips level', say: 'Do not hitch the hip', fault: 'Hip hitching up' },
};

const SIDE_SUFFIX = /_(LEFT|RIGHT|BOTH)$/;

/** "KNEE_VALGUS_LEFT" -> "Knee valgus left". */
export function humanise(code: string): string {
  const s = code.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function cueWords(code: string): CueWords {
  const own = CUES[code] ?? CUES[code.replace(SIDE_SUFFIX, '')];
  if (own) return own;
  const h = humanise(code.replace(SIDE_SUFFIX, ''));
  return { text: h, fault: h };
}

export const sideWord = (side: FindingSide | null | undefined): string =>
  side === 'left' ? 'left' : side === 'right' ? 'right' : '';

/** "Push the knee out (left)" */
export function cueLine(code: string, side: FindingSide): string {
  const w = cueWords(code);
  const s = sideWord(side);
  return s ? `${w.text} (${w.sideIsStance ? `standing on ${s}` : s})` : w.text;
}

export function spokenCue(code: string, side: FindingSide): string {
  const w = cueWords(code);
  const s = sideWord(side);
  // On one leg the side is obvious to the person: no side word before the instruction.
  return s && !w.sideIsStance ? `${s === 'left' ? 'Left' : 'Right'}: ${w.say ?? w.text}` : (w.say ?? w.text);
}

export function faultName(code: string, side?: FindingSide): string {
  const w = cueWords(code);
  const s = sideWord(side);
  return s ? `${w.fault} (${w.sideIsStance ? `standing on ${s}` : s})` : w.fault;
}

const LABELS: Record<string, string> = {
  FPPA: 'Knee angle (FPPA)', KNEE_FPPA: 'Knee angle (FPPA)', FPPA_DEG: 'Knee angle (FPPA)',
  PELVIC_OBLIQUITY: 'Pelvic drop', PELVIC_OBLIQUITY_DEG: 'Pelvic drop', PELVIC_DROP: 'Pelvic drop',
  TRUNK_LEAN: 'Trunk lean', TRUNK_LEAN_DEG: 'Trunk lean',
  KNEE_ANGLE: 'Knee bend', KNEE_FLEXION: 'Knee bend', BODY_LINE: 'Body line', BODY_LINE_DEG: 'Body line',
  KNEE_SEPARATION_RATIO: 'Knees / ankles width', KNEE_ANKLE_RATIO: 'Knees / ankles width',
  peakFppaDeg: 'Peak knee valgus (FPPA)', peakFppaLeftDeg: 'Peak knee valgus, left', peakFppaRightDeg: 'Peak knee valgus, right',
  peakPelvicDropDeg: 'Peak pelvic drop', meanPelvicDropDeg: 'Mean pelvic drop', peakTrunkLeanDeg: 'Peak trunk lean',
  reps: 'Reps', holdMs: 'Hold time', peakFppa: 'Peak knee valgus (FPPA)',
  DEPTH_FRAC: 'Depth', DEPTH_RATIO: 'Depth', KNEE_BEND_RATIO: 'Knee bend', PELVIC_TILT_DEG: 'Pelvic tilt', PELVIC_DROP_DEG: 'Pelvic drop',
  HIP_ABDUCTION_DEG: 'Leg out to the side', KNEE_OPENING_RATIO: 'Knee opening', PELVIS_ROLL_RATIO: 'Pelvis stacked (1 = square)',
  BODY_LINE_DEVIATION_DEG: 'Body line off straight', LEG_RAISE_DEG: 'Top-leg raise', PEAK_DROP_DIFF_DEG: 'Drop difference L-R',
  bottomFppaDeg: 'Knee valgus at the bottom', bottomFppaLeftDeg: 'Knee valgus at the bottom, left', bottomFppaRightDeg: 'Knee valgus at the bottom, right',
  minKneeAnkleRatio: 'Knees / ankles width (min)', peakDepthFrac: 'Depth', peakDepthRatio: 'Depth', peakDropDeg: 'Peak pelvic drop',
  meanDropDeg: 'Mean pelvic drop', peakAbductionDeg: 'Peak leg angle', peakKneeOpeningRatio: 'Knee opening', peakHitchDeg: 'Peak hip hitch',
  peakHipHikeDeg: 'Peak hip hike', tiltRangeDeg: 'Pelvic tilt range', timeAtTopMs: 'Time at the top', maxKneeBendRatio: 'Knee bend',
  minPelvisRollRatio: 'Pelvis stacked (min)', peakRaiseDeg: 'Top-leg raise', peakSagDeg: 'Peak hip sag', peakPikeDeg: 'Peak hip pike',
  meanDeviationDeg: 'Mean line deviation',
};

/** Label for a measure code or metric key ("peakFppaLeftDeg" -> "Peak knee valgus, left"). */
export function metricLabel(key: string): string {
  return LABELS[key] ?? humanise(key.replace(/(Deg|Ms|Ratio|Frac|_DEG|_MS|_RATIO|_FRAC)$/, ''));
}

/** What the sign of a signed metric means, for captions ("+ = ..."); null when the metric is not signed. */
export function signMeaning(key: string): string | null {
  if (/fppa/i.test(key)) return '+ = knee inside the hip-ankle line (caving in), − = outside (knees out)';
  if (/pelvic|drop/i.test(key)) return '+ = lifted side lower';
  if (/lean/i.test(key)) return '+ = toward the standing leg';
  if (/BODY_LINE_DEVIATION|deviation/i.test(key)) return '+ = hips sagging, − = piked';
  return null;
}

/** Unit shown after a value, from the key's unit suffix or a finding's unit. */
export function unitOf(key: string, unit?: string): string {
  if (unit === 'deg' || /Deg$|_DEG$/.test(key)) return '°';
  if (unit === 'ms' || /Ms$|_MS$/.test(key) || key === 'holdMs') return 's';
  return '';
}

/** Value formatted for display; ms shown in seconds. */
export function formatValue(key: string, value: number, unit?: string): string {
  if (!Number.isFinite(value)) return '–';
  const u = unitOf(key, unit);
  if (u === 's') return `${(value / 1000).toFixed(1)} s`;
  if (u === '°') return `${value.toFixed(0)}°`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

const JOINT_GROUPS: [RegExp, string][] = [
  [/ankle/, 'feet'], [/knee/, 'knees'], [/hip/, 'hips'], [/shoulder/, 'shoulders'], [/wrist|elbow/, 'arms'], [/nose|eye|ear/, 'head'],
];

/** "left_ankle, right_knee" -> "feet and knees" (what the user can act on). */
export function jointsInWords(missing: readonly string[]): string {
  const parts: string[] = [];
  for (const [re, w] of JOINT_GROUPS) if (missing.some((m) => re.test(m)) && !parts.includes(w)) parts.push(w);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Set-up guidance for a visibility finding. */
export function visibilityWords(code: 'NO_PERSON' | 'NOT_VISIBLE' | 'WRONG_VIEW' | null, view: 'front' | 'side', missing: readonly string[]): string {
  switch (code) {
    case 'NO_PERSON': return 'Step into the picture';
    case 'NOT_VISIBLE': {
      const j = jointsInWords(missing);
      return j ? `Step back: your ${j} must be in the picture` : 'Step back: your whole body must be in the picture';
    }
    case 'WRONG_VIEW': return view === 'front' ? 'Turn to face the camera' : 'Turn side-on to the camera';
    default: return 'Get into the start position';
  }
}

/** What a cue's severity means, as an icon and a word beside its colour (never colour alone). */
export const SEVERITY_WORDS = {
  fault: { icon: '⚠', word: 'Fix' },
  warning: { icon: '!', word: 'Watch' },
  info: { icon: 'ℹ', word: 'Tip' },
} as const;
