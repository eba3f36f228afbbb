// How-to texts for the exercise picker, in our own words (informed by the programme's source articles and the
// design notes in src/rules/exercises/PROGRAMME.md). Keyed by exercise id; an exercise without an entry still
// gets a generic card built from its definition (see howToFor), so a newly registered exercise always shows up.
import type { CameraView, ExerciseDefinition, ExerciseGroup } from '../rules/engine/types';

/** Which small figure to draw (see silhouettes.ts). */
export type Pose =
  | 'stand-front' | 'single-leg-front' | 'squat-front' | 'lunge-side' | 'side-plank' | 'side-lying'
  | 'bridge-side' | 'hinge-side' | 'quadruped' | 'prone' | 'prone-legs-up' | 'seated' | 'step-front';

export interface Targets {
  sets: number;
  /** Reps per set (per side for sided exercises), or null for a hold. */
  reps: number | null;
  /** Hold target per set in seconds, or null. */
  holdS: number | null;
  /** Holds in one set for exercises that repeat the hold (default 1). */
  holds?: number;
}

export interface HowTo {
  pose: Pose;
  summary: string;
  setup: string[];
  camera: string;
  watches: string[];
  /** Honest limits of a single 2D camera for this exercise. */
  cannotJudge: string[];
  targets: Targets;
  /** Rep metric keys to chart in the summary, best first. */
  mainMetrics?: string[];
  /** What the working side means, for the left/right choice. */
  sideMeaning?: string;
  /** What starts the count once the set is live (shown while the rule waits for the start position). */
  startHint?: string;
}

const FRONT = 'Camera in front of you at hip height, 2-3 m away, square to your body. Your whole body, head to feet, must be in the picture.';
const SIDE = 'Camera at your side at hip height, 2-3 m away, so it sees you side-on. Your whole body must be in the picture.';
const FLOOR_FRONT = 'Camera low (on the floor or a chair), 2-3 m away, facing the front of your body while you lie on your side. Head to feet in the picture.';

export const HOW_TO: Record<string, HowTo> = {
  'single-leg-stand': {
    pose: 'single-leg-front',
    summary: 'A balance test for the side hip muscles: stand on one leg for up to 30 seconds and see whether the pelvis stays level.',
    setup: ['Stand tall, feet hip-width apart, arms relaxed or hands on hips.', 'When the countdown ends, lift the other foot a little off the floor by bending that knee.', 'Hold still; put the foot down when you need to. Then test the other leg.'],
    camera: FRONT + ' A view from behind works too.',
    watches: ['Whether the hip of the lifted leg sinks (pelvic drop, in degrees).', 'Whether your trunk leans over the standing leg to compensate.', 'How long you hold before the foot goes down.'],
    cannotJudge: ['The camera sees hip joint centres, not the pelvic bones: the angle is an estimate.', 'There is no validated camera cut-off for a "positive" test. This is a screening aid, not a diagnosis.'],
    targets: { sets: 1, reps: null, holdS: 30 },
    sideMeaning: 'Standing leg',
    startHint: 'Lift the other foot to start the timer',
  },
  squat: {
    pose: 'squat-front',
    summary: 'Bodyweight squat, watched from the front so the app can see whether your knees cave inwards.',
    setup: ['Feet about shoulder-width apart, toes slightly out.', 'Sit back and down as if onto a chair, chest up.', 'Push the floor away to stand up; keep knees in line with your toes.'],
    camera: FRONT,
    watches: ['Knee valgus: each knee moving inside the hip-ankle line (degrees, per rep).', 'Knees closer together than the ankles at the bottom.', 'Reps: down and back up counts one.'],
    cannotJudge: ['Depth and back angle are hard to see from the front.', 'Knees over toes is not judged (and is not a fault).', 'Foot rotation: the model has no toe points.'],
    targets: { sets: 3, reps: 10, holdS: null },
    mainMetrics: ['peakFppaLeftDeg', 'peakFppaDeg'],
  },
  lunge: {
    pose: 'lunge-side',
    summary: 'Forward, reverse or sideways lunge, counted per leg, with a check on the front knee.',
    setup: ['Stand tall. Step into the lunge with the working leg and lower until both knees bend to about a right angle.', 'Keep the front knee over the middle of the foot.', 'Push back to standing. Do all reps on one side, then the other.'],
    camera: FRONT + ' (front view to see the front knee cave in.)',
    watches: ['Front-knee valgus (degrees, per rep).', 'Depth of each rep.', 'Reps per side.'],
    cannotJudge: ['Stride length and balance forwards/backwards.', 'Foot rotation (no toe points).'],
    targets: { sets: 2, reps: 8, holdS: null },
    mainMetrics: ['peakFppaDeg', 'peakFrontFppaDeg'],
    sideMeaning: 'Front (working) leg',
  },
  'side-plank': {
    pose: 'side-plank',
    summary: 'Side plank on the forearm. The timer runs only while shoulders, hips and ankles stay in one straight line.',
    setup: ['Lie on your side, elbow under the shoulder, legs straight and stacked.', 'Lift the hips so your body forms a straight line.', 'Hold. Optional: raise the top leg slowly for extra work on the side hip.'],
    camera: 'Camera in front of you (facing your chest) at floor-to-hip height, 2-3 m away. Shoulders to feet in the picture.',
    watches: ['Body line: shoulder-hip-ankle angle close to straight.', 'Hips sagging or piking up.', 'Top-leg raises, if you do them.'],
    cannotJudge: ['Rotation of the trunk forwards or backwards.', 'Whether the shoulder is set well.'],
    targets: { sets: 3, reps: null, holdS: 30 },
    sideMeaning: 'Side on the floor',
    startHint: 'Lift your hips into a straight line to start the timer',
  },
  'side-lying-hip-abduction': {
    pose: 'side-lying',
    summary: 'Lying on your side, lift the straight top leg away from the other and lower it slowly.',
    setup: ['Lie on your side, bottom knee bent for balance, top leg straight in line with the body.', 'Lift the top leg towards the ceiling without rolling backwards.', 'Lower slowly.'],
    camera: FLOOR_FRONT,
    watches: ['How high the leg rises (degrees from the trunk line).', 'The pelvis rolling.'],
    cannotJudge: ['Leg rotation (toes up or forward): no toe points.', 'Small rolls of the pelvis towards or away from the camera.'],
    targets: { sets: 3, reps: 12, holdS: null },
    mainMetrics: ['peakAbductionDeg'],
    sideMeaning: 'Top (working) leg',
  },
  clamshell: {
    pose: 'side-lying',
    summary: 'Side-lying with knees bent, open the top knee like a clamshell while the feet stay together.',
    setup: ['Lie on your side, hips and knees bent, heels in line with your hips.', 'Keep the feet together and lift the top knee.', 'Do not let the pelvis roll back; lower slowly.'],
    camera: FLOOR_FRONT,
    watches: ['How far the knees open.', 'The pelvis rolling back.', 'The feet coming apart.'],
    cannotJudge: ['The exact rotation in degrees (the thighs point towards the camera).'],
    targets: { sets: 3, reps: 15, holdS: null },
    mainMetrics: ['peakKneeOpeningRatio'],
    sideMeaning: 'Top (working) leg',
  },
  'glute-bridge': {
    pose: 'bridge-side',
    summary: 'Lying on your back, knees bent, lift the hips until knees, hips and shoulders line up.',
    setup: ['Lie on your back, knees bent, feet flat and hip-width apart.', 'Press through the heels and lift the hips.', 'Pause at the top, then lower.'],
    camera: SIDE.replace('hip height', 'floor height'),
    watches: ['Whether the hips reach the straight line at the top.', 'Arching the back past straight.'],
    cannotJudge: ['Knees caving in (use the front-view bridge for that).'],
    targets: { sets: 3, reps: 12, holdS: null },
  },
  'glute-bridge-front': {
    pose: 'bridge-side',
    summary: 'Glute bridge watched from your feet, to see whether the knees fall inwards.',
    setup: ['Lie on your back, knees bent, feet flat and hip-width apart (a band above the knees helps).', 'Lift the hips, keeping the knees apart.', 'Lower slowly.'],
    camera: 'Camera on the floor at your feet, 2-3 m away, facing you.',
    watches: ['Knee separation compared with the ankles.', 'Reps.'],
    cannotJudge: ['How high the hips rise.'],
    targets: { sets: 3, reps: 12, holdS: null },
  },
  'single-leg-deadlift': {
    pose: 'hinge-side',
    summary: 'Hinge forward on one leg while the other leg reaches back, then stand tall again.',
    setup: ['Stand on the working leg with a soft knee.', 'Tip the trunk forward from the hip as the free leg reaches back.', 'Keep the hips square to the floor; come back up.'],
    camera: SIDE,
    watches: ['How far you hinge (trunk angle).', 'A locked standing knee.', 'The pelvis opening up to the side.'],
    cannotJudge: ['Back rounding and the direction of the free foot.'],
    targets: { sets: 3, reps: 8, holdS: null },
    mainMetrics: ['peakHingeDeg', 'hingeDeg'],
    sideMeaning: 'Standing leg',
  },
  'single-leg-squat': {
    pose: 'single-leg-front',
    summary: 'Squat on one leg, keeping hip, knee and foot in line and the pelvis level.',
    setup: ['Stand on the working leg, the other foot just off the floor.', 'Bend the standing knee as far as you can control.', 'Keep the knee over the foot; come back up.'],
    camera: FRONT,
    watches: ['Knee valgus of the standing knee (degrees; for reference, healthy women average about 8 degrees in studies).', 'Pelvic drop and trunk lean.'],
    cannotJudge: ['Knee bend in degrees (seen better from the side).', 'Foot direction.'],
    targets: { sets: 3, reps: 8, holdS: null },
    mainMetrics: ['peakFppaDeg'],
    sideMeaning: 'Standing leg',
  },
  'lateral-step-up': {
    pose: 'step-front',
    summary: 'Step up sideways onto a low step with the working leg, then lower back down under control.',
    setup: ['Stand side-on to a low step, working foot on the step.', 'Push through that foot to straighten the leg.', 'Lower the other foot slowly back to the floor.'],
    camera: FRONT,
    watches: ['Knee valgus of the working knee.', 'Reps.'],
    cannotJudge: ['Step height and where the foot is placed.'],
    targets: { sets: 3, reps: 10, holdS: null },
    mainMetrics: ['peakFppaDeg'],
    sideMeaning: 'Leg on the step',
  },
  'standing-hip-abduction': {
    pose: 'stand-front',
    summary: 'Standing tall, swing one straight leg out to the side and back, without leaning.',
    setup: ['Stand tall, hold a chair if you need balance.', 'Move the working leg out to the side, toes forward.', 'Return slowly; keep the trunk upright.'],
    camera: FRONT,
    watches: ['How far the leg moves out (degrees).', 'Trunk lean towards the standing leg.'],
    cannotJudge: ['Leg rotation and drift forwards or backwards.'],
    targets: { sets: 3, reps: 12, holdS: null },
    mainMetrics: ['peakAbductionDeg'],
    sideMeaning: 'Moving leg',
  },
  'hip-hitch': {
    pose: 'step-front',
    summary: 'Standing on a step, let the free hip drop a little, then lift it back up using the standing hip.',
    setup: ['Stand on the working leg on a step, the other foot hanging free.', 'Keep both knees straight; let the free side of the pelvis drop.', 'Lift it back up level or slightly higher.'],
    camera: FRONT,
    watches: ['Pelvic tilt (degrees).', 'Bending the standing knee.', 'Trunk lean.'],
    cannotJudge: ['The true pelvic bone angle (the camera sees hip joint centres).'],
    targets: { sets: 3, reps: 12, holdS: null },
    mainMetrics: ['peakHitchDeg', 'tiltRangeDeg'],
    sideMeaning: 'Standing leg',
  },
  'prone-hip-extension': {
    pose: 'prone',
    summary: 'Lying face down with one knee bent, lift that thigh off the floor.',
    setup: ['Lie face down, forehead on your hands.', 'Bend the working knee to a right angle.', 'Lift the thigh a little, without arching the back; lower.'],
    camera: SIDE.replace('hip height', 'floor height'),
    watches: ['Thigh lift (degrees).', 'The knee straightening.', 'The hips lifting off the floor.'],
    cannotJudge: ['Whether the lift comes from the hip or the lower back.'],
    targets: { sets: 3, reps: 12, holdS: null },
    sideMeaning: 'Working leg',
  },
  'quadruped-hip-abduction': {
    pose: 'quadruped',
    summary: 'On hands and knees, lift one bent knee out to the side and hold briefly.',
    setup: ['Hands under shoulders, knees under hips.', 'Lift the working knee out to the side, keeping the knee bent.', 'Hold a moment, lower.'],
    camera: 'Camera behind you at hip height, 2-3 m away.',
    watches: ['Thigh angle out to the side.', 'Pelvis tilting.', 'Time at the top.'],
    cannotJudge: ['Your back position and weight shifting forward or back.'],
    targets: { sets: 3, reps: 10, holdS: null },
    sideMeaning: 'Working leg',
  },
  'prone-straddle-hold': {
    pose: 'prone-legs-up',
    summary: 'Lying face down, lift both straight legs a little and hold them apart.',
    setup: ['Lie face down.', 'Lift both legs slightly, knees straight.', 'Hold with the legs apart.'],
    camera: SIDE.replace('hip height', 'floor height'),
    watches: ['Legs staying off the floor; the timer runs only then.'],
    cannotJudge: ['How far apart the legs are (that is depth for a side camera).'],
    targets: { sets: 3, reps: null, holdS: 20 },
    startHint: 'Lift both legs to start the timer',
  },
  'standing-hip-circumduction': {
    pose: 'stand-front',
    summary: 'Standing on one leg, draw slow, wide circles with the other knee.',
    setup: ['Stand on one leg, hold a chair if needed.', 'Lift the other knee and draw slow circles with it: up in front, out to the side, down and back in.', 'Keep the trunk still.'],
    camera: FRONT,
    watches: ['Circles completed.', 'Trunk lean.'],
    cannotJudge: ['The part of the circle that goes towards or away from the camera.'],
    targets: { sets: 2, reps: 8, holdS: null },
    sideMeaning: 'Circling leg',
  },
  'seated-side-foot-raise': {
    pose: 'seated',
    summary: 'Seated with knees together, move one foot out to the side and back.',
    setup: ['Sit tall, knees together, a band around the ankles if you have one.', 'Move one foot out to the side, keeping the knees together.', 'Return slowly.'],
    camera: FRONT,
    watches: ['How far the foot moves out (degrees).', 'Knees drifting apart.'],
    cannotJudge: ['Band tension.'],
    targets: { sets: 3, reps: 12, holdS: null },
    sideMeaning: 'Moving leg',
  },
  'wall-clamshell': {
    pose: 'single-leg-front',
    summary: 'Standing side-on to a wall, press the inside knee into the wall with that foot lifted, and hold.',
    setup: ['Stand side-on to a wall, the leg nearest the wall bent with the knee against the wall.', 'Press the knee into the wall and stand tall on the outside leg.', 'Hold 5-10 s, put the foot down, repeat: 3 holds at each of three foot angles (the app says when to change).'],
    camera: FRONT,
    watches: ['The wall-side foot staying lifted.', 'Pelvic drop on the standing side.'],
    cannotJudge: ['How hard you press.'],
    targets: { sets: 1, reps: null, holdS: 8, holds: 9 },
    startHint: 'Lift the wall-side foot and press the knee into the wall',
    sideMeaning: 'Standing leg',
  },
};

const GENERIC_POSE: Record<CameraView, Pose> = { front: 'stand-front', side: 'hinge-side' };
const GENERIC_TARGETS: Record<ExerciseGroup, Targets> = {
  test: { sets: 1, reps: null, holdS: 30 },
  strength: { sets: 3, reps: 10, holdS: null },
  hold: { sets: 3, reps: null, holdS: 30 },
};

/** What the picker needs from a definition. `howTo` and `limitations` are optional texts a rule file may carry
 * (written by whoever wrote the check, so its limits are stated where the check is defined). */
export type ExerciseTexts = Pick<ExerciseDefinition, 'id' | 'name' | 'view' | 'group' | 'description'> & {
  howTo?: string;
  limitations?: readonly string[];
};

/** The how-to for a definition: its own entry, or a generic one built from what the definition declares. The
 * rule's own `limitations`, when given, are what the card lists as "cannot judge". */
export function howToFor(def: ExerciseTexts): HowTo {
  const own = HOW_TO[def.id];
  const limits = def.limitations && def.limitations.length > 0 ? [...def.limitations] : null;
  if (own) return limits ? { ...own, cannotJudge: limits } : own;
  return {
    pose: GENERIC_POSE[def.view],
    summary: def.description ?? def.name,
    setup: def.howTo ? [def.howTo] : ['Get into the start position and hold it still until the countdown.'],
    camera: def.view === 'front' ? FRONT : SIDE,
    watches: ['Reps or hold time, and the form cues this exercise defines.'],
    cannotJudge: limits ?? ['Anything that happens towards or away from the camera.'],
    targets: GENERIC_TARGETS[def.group],
  };
}

export const GROUP_LABELS: Record<ExerciseGroup, string> = { test: 'Tests', strength: 'Strength', hold: 'Holds' };
export const VIEW_LABELS: Record<CameraView, string> = { front: 'Front view', side: 'Side view' };
