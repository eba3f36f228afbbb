// The 6-week hip-stability plan. Six progression tracks, each a ladder from easier to harder built from the
// exercise articles listed in `sources` (the order of the easier-to-harder list, the doses they give, the
// "improvement over 4-6 weeks"); the words are ours. Three sessions a week rotate through three session types
// (A, B, C) so every track is trained twice a week in four exercises per session. The single-leg stand test opens
// week 1 (baseline), weeks 3 and 5, and closes week 6. Which step of a track a session uses is decided from the
// user's own results (progression.ts), never from the calendar.
import { type Plan, type PlanSession, planSchema } from './plan-schema';

const SOURCES: Plan['sources'] = [
  { id: 'orthocarolina', publisher: 'OrthoCarolina (physical therapy)', title: 'Gluteus medius: exercises ranging from easier to more difficult', usedFor: 'the easier-to-harder order: two-leg bridge, prone hip extension with the knee bent, side-lying abduction neutral / medial / lateral rotation, standing abduction, transverse lunge, standing circumduction, single-leg deadlift, side bridge, side bridge with abduction' },
  { id: 'misterback', publisher: 'MisterBack', title: 'Gluteus medius pain: 12 great exercises to help fix it', usedFor: 'the same order, and the clam as one of the easiest' },
  { id: 'precision-movement', publisher: 'Precision Movement', title: '4 gluteus medius exercises for stronger, balanced hips', usedFor: 'improvement over 4-6 weeks; multi-angle wall clamshell 2-5 holds of 5-10 s per angle; 4-point abduction 3-5 reps with 5-10 s holds; 1-leg side bridge; prone straddle 2-3 holds of 10-30 s; 30 s rest; knees caving in squats and lunges' },
  { id: 'seven-exercises', publisher: 'fitness blog', title: '7 effective gluteus medius exercises to strengthen glutes', usedFor: 'side-lying abduction, seated side foot raise, lateral step-up (10 reps each side), pelvic drop on a step, single-leg deadlift (10 reps then swap), single-leg squat, side plank with top-leg raises' },
  { id: 'hip-stability-physio', publisher: 'physiotherapy clinic blog', title: 'Hip stability: a focus on the gluteus medius muscle', usedFor: 'clamshell 3 sets of 15; bridge pushing the knees out into a belt' },
];

const TRACKS: Plan['tracks'] = [
  {
    id: 'bridge',
    title: 'Bridge and prone',
    summary: 'Hip extension lying down: the big glute muscle works with the side glute, first on the back, then face down.',
    steps: [
      { id: 'bridge-2x10', exerciseId: 'glute-bridge', config: { variant: 'two-leg' }, title: 'Glute bridge',
        focus: 'On your back, knees bent. Lift the hips until shoulders, hips and knees make one line, then lower slowly. Camera at your side.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'none', restS: 45 }, sources: ['orthocarolina', 'misterback'] },
      { id: 'bridge-band-3x10', exerciseId: 'glute-bridge', config: { variant: 'band' }, title: 'Glute bridge, knees pressing out',
        focus: 'A band or belt just above the knees. Keep pressing the knees out against it on the way up and down. One set more than before.',
        dose: { kind: 'reps', sets: 3, reps: 10, sides: 'none', restS: 45 }, sources: ['hip-stability-physio'] },
      { id: 'prone-hip-extension-2x10', exerciseId: 'prone-hip-extension', config: {}, title: 'Prone hip extension, knee bent',
        focus: 'Face down, one knee bent to about a right angle. Lift that thigh a little off the floor without lifting the chest or straightening the knee.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'misterback'] },
      { id: 'prone-straddle-3x20s', exerciseId: 'prone-straddle-hold', config: { holdTargetMs: 20_000 }, title: 'Prone straddle hold',
        focus: 'Face down, arms overhead. Lift both straight legs and spread them; hold with the thighs off the floor.',
        dose: { kind: 'holds', sets: 1, holdsPerSet: 3, holdS: 20, sides: 'none', restS: 30 }, sources: ['precision-movement'] },
    ],
  },
  {
    id: 'side-lying',
    title: 'Side-lying abduction',
    summary: 'The side glute on its own, lying on your side: clamshell first, then the straight-leg raise in three foot positions.',
    steps: [
      { id: 'clamshell-2x10', exerciseId: 'clamshell', config: {}, title: 'Clamshell',
        focus: 'On your side, knees bent, feet together. Open the top knee like a shell without rolling the hips back.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 }, sources: ['misterback', 'hip-stability-physio'] },
      { id: 'clamshell-3x15', exerciseId: 'clamshell', config: {}, title: 'Clamshell, 3 x 15',
        focus: 'The same clamshell, more volume: three sets of fifteen a side.',
        dose: { kind: 'reps', sets: 3, reps: 15, sides: 'each', restS: 30 }, sources: ['hip-stability-physio'] },
      { id: 'side-lying-neutral-2x10', exerciseId: 'side-lying-hip-abduction', config: { variant: 'neutral' }, title: 'Side-lying leg raise',
        focus: 'On your side, bottom knee bent for balance. Raise the straight top leg in line with the body, toes facing forward, and lower slowly.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'seven-exercises'] },
      { id: 'side-lying-internal-3x10', exerciseId: 'side-lying-hip-abduction', config: { variant: 'internal-rotation' }, title: 'Side-lying leg raise, toes turned down',
        focus: 'As before with the top leg turned in so the toes point a little toward the floor. Three sets.',
        dose: { kind: 'reps', sets: 3, reps: 10, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'misterback'] },
      { id: 'side-lying-external-3x10', exerciseId: 'side-lying-hip-abduction', config: { variant: 'external-rotation' }, title: 'Side-lying leg raise, toes turned up',
        focus: 'As before with the top leg turned out so the toes point a little toward the ceiling.',
        dose: { kind: 'reps', sets: 3, reps: 10, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'misterback'] },
    ],
  },
  {
    id: 'side-bridge',
    title: 'All fours to side bridge',
    summary: 'Holding the trunk still while the hip works: on hands and knees first, then the side bridge, then leg raises in it.',
    steps: [
      { id: 'four-point-abduction-2x4', exerciseId: 'quadruped-hip-abduction', config: { minTopHoldMs: 5000 }, title: '4-point hip abduction',
        focus: 'On hands and knees, back flat. Lift one bent leg out to the side and hold it there 5 s without shifting your weight.',
        dose: { kind: 'reps', sets: 2, reps: 4, sides: 'each', holdAtTopS: 5, restS: 30 }, sources: ['precision-movement'] },
      { id: 'side-plank-2x20s', exerciseId: 'side-plank', config: { variant: 'hold', holdTargetMs: 20_000 }, title: 'Side plank, 20 s',
        focus: 'On your forearm, elbow under the shoulder, feet stacked. Lift the hips until the body is one straight line and hold.',
        dose: { kind: 'holds', sets: 2, holdsPerSet: 1, holdS: 20, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'seven-exercises'] },
      { id: 'side-plank-2x30s', exerciseId: 'side-plank', config: { variant: 'hold', holdTargetMs: 30_000 }, title: 'Side plank, 30 s',
        focus: 'The same straight line, held longer.',
        dose: { kind: 'holds', sets: 2, holdsPerSet: 1, holdS: 30, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'seven-exercises'] },
      { id: 'side-plank-raises-2x6', exerciseId: 'side-plank', config: { variant: 'leg-raises', holdTargetMs: 30_000 }, title: 'Side plank with top-leg raises',
        focus: 'In the side plank, raise the top leg and lower it again, slowly, keeping the hips up and the body in line.',
        dose: { kind: 'reps', sets: 2, reps: 6, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'precision-movement', 'seven-exercises'] },
    ],
  },
  {
    id: 'standing',
    title: 'Standing hip',
    summary: 'Moving the leg out to the side, seated then standing, then stepping and circling.',
    steps: [
      { id: 'seated-foot-raise-2x10', exerciseId: 'seated-side-foot-raise', config: { mode: 'both' }, title: 'Seated side foot raise',
        focus: 'Seated high enough that the feet hang, knees together, a band around the feet. Move the feet apart, pause, bring them back.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'none', restS: 30 }, sources: ['seven-exercises'] },
      { id: 'standing-abduction-2x10', exerciseId: 'standing-hip-abduction', config: {}, title: 'Standing hip abduction',
        focus: 'Standing tall, lift one straight leg out to the side and back without leaning over the standing leg.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'misterback'] },
      { id: 'transverse-lunge-2x8', exerciseId: 'lunge', config: { variant: 'transverse' }, title: 'Transverse lunge',
        focus: 'Step back and across at an angle into a lunge, front knee over the foot, and push back up to standing.',
        dose: { kind: 'reps', sets: 2, reps: 8, sides: 'each', restS: 45 }, sources: ['orthocarolina', 'misterback'] },
      { id: 'circumduction-2x8', exerciseId: 'standing-hip-circumduction', config: {}, title: 'Standing hip circles',
        focus: 'Standing on one leg, draw slow circles with the other knee, trunk upright and still.',
        dose: { kind: 'reps', sets: 2, reps: 8, sides: 'each', restS: 30 }, sources: ['orthocarolina', 'misterback'] },
    ],
  },
  {
    id: 'single-leg',
    title: 'Single-leg balance',
    summary: 'Keeping the pelvis level on one leg: wall holds, then the pelvic drop on a step, then the single-leg deadlift.',
    steps: [
      { id: 'wall-clamshell-2-per-angle', exerciseId: 'wall-clamshell', config: { holdsPerAngle: 2, holdTargetMs: 8000 }, title: 'Wall clamshell, 3 foot angles',
        focus: 'Side-on to a wall, lift the wall-side foot and press that knee into the wall with the standing hip. Two 8 s holds at each of the three foot angles.',
        dose: { kind: 'holds', sets: 1, holdsPerSet: 6, holdS: 8, sides: 'each', restS: 30 }, sources: ['precision-movement'] },
      { id: 'wall-clamshell-3-per-angle', exerciseId: 'wall-clamshell', config: { holdsPerAngle: 3, holdTargetMs: 10_000 }, title: 'Wall clamshell, longer holds',
        focus: 'Three 10 s holds at each foot angle.',
        dose: { kind: 'holds', sets: 1, holdsPerSet: 9, holdS: 10, sides: 'each', restS: 30 }, sources: ['precision-movement'] },
      { id: 'hip-hitch-2x10', exerciseId: 'hip-hitch', config: {}, title: 'Pelvic drop on a step',
        focus: 'One foot on a step, the other hanging. With the standing knee straight, let the free hip sink and lift it back level.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 }, sources: ['seven-exercises'] },
      { id: 'single-leg-deadlift-2x8', exerciseId: 'single-leg-deadlift', config: {}, title: 'Single-leg deadlift',
        focus: 'Soft standing knee, hands on hips. Hinge forward with the free leg reaching back until trunk and leg are near level, hips square, then return.',
        dose: { kind: 'reps', sets: 2, reps: 8, sides: 'each', restS: 45 }, sources: ['orthocarolina', 'seven-exercises'] },
      { id: 'single-leg-deadlift-3x10', exerciseId: 'single-leg-deadlift', config: {}, title: 'Single-leg deadlift, 3 x 10',
        focus: 'The same hinge, ten a side, three sets.',
        dose: { kind: 'reps', sets: 3, reps: 10, sides: 'each', restS: 45 }, sources: ['seven-exercises'] },
    ],
  },
  {
    id: 'knee-control',
    title: 'Knee control',
    summary: 'Keeping the knee over the foot under load: two legs, then a step-up, then one leg.',
    steps: [
      { id: 'squat-2x10', exerciseId: 'squat', config: {}, title: 'Squat, knees over toes',
        focus: 'Feet hip-width, sit back and down, and keep both knees pointing over the feet; they should not drift in.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'none', restS: 45 }, sources: ['precision-movement'] },
      { id: 'lateral-step-up-2x10', exerciseId: 'lateral-step-up', config: {}, title: 'Lateral step-up',
        focus: 'Side-on to a low step, one foot on it. Push through that foot to lift the other off the floor, knee over the ankle.',
        dose: { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 45 }, sources: ['seven-exercises'] },
      { id: 'single-leg-squat-2x8', exerciseId: 'single-leg-squat', config: {}, title: 'Single-leg squat',
        focus: 'On one leg, arms forward, sit back a little and bend the knee, keeping the knee over the foot and the pelvis level.',
        dose: { kind: 'reps', sets: 2, reps: 8, sides: 'each', restS: 45 }, sources: ['seven-exercises', 'precision-movement'] },
      { id: 'single-leg-squat-3x10', exerciseId: 'single-leg-squat', config: {}, title: 'Single-leg squat, 3 x 10',
        focus: 'The same single-leg squat, ten a side, three sets.',
        dose: { kind: 'reps', sets: 3, reps: 10, sides: 'each', restS: 45 }, sources: ['seven-exercises'] },
    ],
  },
];

const TEST: Plan['test'] = {
  id: 'single-leg-stand-test', exerciseId: 'single-leg-stand', config: { holdTargetMs: 30_000 }, title: 'Single-leg stand test',
  focus: 'Facing the camera, stand on one leg for up to 30 s, then on the other. The app measures how level the pelvis stays on each leg.',
  dose: { kind: 'test', trialS: 30, sides: 'each' }, sources: ['precision-movement'],
};

// Session types: every track twice a week, floor work before standing work.
const SESSION_TYPES: Record<'a' | 'b' | 'c', string[]> = {
  a: ['bridge', 'side-lying', 'side-bridge', 'single-leg'],
  b: ['side-lying', 'standing', 'single-leg', 'knee-control'],
  c: ['bridge', 'side-bridge', 'standing', 'knee-control'],
};
// The test at the start and every two weeks: weeks 1, 3, 5 open with it, week 6 closes with it.
const TEST_SESSIONS = new Set(['w1-a', 'w3-a', 'w5-a', 'w6-c']);

function sessions(weeks: number): PlanSession[] {
  return Array.from({ length: weeks }, (_, w) => (['a', 'b', 'c'] as const).map((k, i) => {
    const id = `w${w + 1}-${k}`;
    return { id, week: w + 1, index: i + 1, test: TEST_SESSIONS.has(id), trackIds: SESSION_TYPES[k] };
  })).flat();
}

export const HIP_STABILITY_PLAN: Plan = planSchema.parse({
  id: 'hip-stability-6-weeks',
  version: 1,
  title: 'Hip stability, 6 weeks',
  summary: 'Three short sessions a week for six weeks. Each exercise starts at its easiest step and moves up once you have done it twice in a row with clean form.',
  weeks: 6,
  sessionsPerWeek: 3,
  test: TEST,
  tracks: TRACKS,
  sessions: sessions(6),
  sources: SOURCES,
});
