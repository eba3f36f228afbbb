// Config fields shared by many exercises (visibility gating, fault debounce, dropouts, smoothing, view check; rep and
// hold timing; the working side). Exercise schemas spread these shapes into their own z.object so overrides stay
// flat: `{ minKeypointScore: 0.5 }`. Every `.describe()` gives the unit and cites docs/biomechanics.md or says "ours".
import { z } from 'zod';

const DOC = 'docs/biomechanics.md';

export const commonConfigShape = {
  minKeypointScore: z.number().min(0).max(1).default(0.3)
    .describe(`Keypoint score below which a joint counts as not visible (0..1). ${DOC}#visibility-score: 0.3 = MoveNet's demo threshold; 0.65 for BlazePose.`),
  frameMarginFrac: z.number().min(0).max(0.2).default(0.005)
    .describe(`A keypoint must lie inside the image inset by this fraction of width/height. Ours (${DOC}#visibility-score): MoveNet extrapolates joints cut off at the edge; 0.5 % keeps real edge joints.`),
  faultOnsetMs: z.number().min(0).max(2000).default(200)
    .describe(`A fault must persist this long (ms) before its cue is shown. Ours (${DOC}#fault-persistence): 200 ms = ~6 frames at 30 fps, still 2 frames at 5 fps.`),
  faultClearMs: z.number().min(0).max(2000).default(250)
    .describe(`A shown cue clears only after the value stays past the clear threshold this long (ms). Ours (${DOC}#fault-persistence): slightly longer than the onset, so cues never flicker.`),
  dropoutHoldMs: z.number().min(0).max(2000).default(400)
    .describe(`Joints lost (or the pose jumping to another person) for up to this long (ms) keep the debounced faults, filters, start timer and a running hold; longer gaps reset them. Ours (${DOC}#dropouts): MoveNet drops a joint for 1-6 frames now and then; a single-person model jumps to a bystander for ~0.3 s.`),
  signalSmoothingMs: z.number().min(0).max(1000).default(150)
    .describe(`Time constant (ms) of the EMA on jitter-dominated signals (FPPA, pelvic obliquity, trunk lean; the programme's rep metric, fault values and per-rep samples) before thresholds; 0 = raw. Ours (${DOC}#smoothing): 1.5 px of jitter moves a 40 px hip line by +/-3 deg; 150 ms cuts that ~3x for ~150 ms of lag.`),
  maxJumpTorso: z.number().min(0).default(0.5)
    .describe(`Person-switch guard: the body centre may move this many torso lengths between frames, plus maxSpeedTorsoPerS x dt; farther = another person. Ours (${DOC}#person-switch-guard).`),
  maxSpeedTorsoPerS: z.number().min(0).default(4)
    .describe(`Person-switch guard: body-centre speed allowance, torso lengths per second (~2 m/s). Ours (${DOC}#person-switch-guard).`),
  reacquireMs: z.number().min(0).default(500)
    .describe(`A pose that stays at a new place this long (ms) is accepted as the person (they really moved). Ours (${DOC}#person-switch-guard).`),
  viewCheck: z.boolean().default(true)
    .describe(`Check that the person faces the camera the way the exercise needs; WRONG_VIEW otherwise (${DOC}#view-check).`),
  frontMinShoulderRatio: z.number().min(0).max(2).default(0.4)
    .describe(`Front view needs shoulder width / torso length >= this. Ours (${DOC}#view-check): accepts every adult turned up to 30 deg (the narrowest read ~0.47 square with the arms overhead, x cos 30 = 0.41); refuses a body turned 60 deg or more (median 0.65 x cos 60 = 0.33).`),
  sideMaxShoulderRatio: z.number().min(0).max(2).default(0.5)
    .describe(`Side view needs shoulder width / torso length <= this. Ours (${DOC}#view-check): 0.7 x sin(45 deg) = 0.5, i.e. turned at least ~45 deg from facing; a side camera 30 deg off square, pitched down at a lying body, reads up to ~0.5.`),
  viewPersistMs: z.number().min(0).max(5000).default(500)
    .describe(`A wrong view must persist this long (ms) before WRONG_VIEW is reported, and a right view as long to clear it. Ours (${DOC}#view-check).`),
};

export const commonConfigSchema = z.object(commonConfigShape);
export type CommonConfig = z.infer<typeof commonConfigSchema>;

/** Rep timing of the programme's rep exercises (engine/rep-exercise.ts). */
export const repTimingShape = {
  setupMs: z.number().min(0).max(10_000).default(0)
    .describe(`0 = count from the first judged frame, wherever the movement is (a rep begun before the recording counts once it is completed); > 0 = hold the start position this long (ms) first. Ours (${DOC}#start-rule): live, the session's set-up gate decides when counting starts, so the rule needs no wait of its own.`),
  minTargetMs: z.number().min(0).max(5000).default(100)
    .describe(`Minimum time (ms) in the target zone for a rep. Ours (${DOC}#rep-counting): rejects a one-frame spike at 30 fps, accepts one frame at 5 fps.`),
  minRepMs: z.number().min(0).max(10_000).default(600)
    .describe(`A rep faster than this (ms) is rejected as noise. Ours (${DOC}#rep-counting): these are slow, controlled rehab exercises.`),
  maxGapMs: z.number().min(0).max(10_000).default(1000)
    .describe(`The rep metric unmeasurable for longer than this (ms) drops the rep in progress (no reps bridged over stale angles). Ours (${DOC}#rep-counting).`),
};
export type RepTiming = z.infer<z.ZodObject<typeof repTimingShape>>;

/** Hold timing of the programme's timed holds (engine/hold-exercise.ts). */
export const holdTimingShape = {
  graceMs: z.number().min(0).max(10_000).default(1000)
    .describe(`A lapse (posture lost or joints not visible) shorter than this (ms) pauses the clock; longer ends the hold. Ours (${DOC}#hold-timing).`),
  holdStartMs: z.number().min(0).max(5000).default(300)
    .describe(`Posture correct this long (ms) before the clock starts (counted into the hold). Ours (${DOC}#hold-timing).`),
  maxFrameGapMs: z.number().min(0).max(5000).default(500)
    .describe(`A gap between frames adds at most this much time (ms): a stalled camera cannot add time. Ours (${DOC}#hold-timing).`),
};

export const sideShape = {
  side: z.enum(['left', 'right']).default('left')
    .describe('Working side the user picked (each exercise says which leg that is).'),
};

/** Common fields, rep timing and the working side: the base of every programme rep exercise. */
export const programmeBaseShape = { ...commonConfigShape, ...repTimingShape, ...sideShape };
export type ProgrammeConfig = CommonConfig & RepTiming & { side: 'left' | 'right' };

/** Common fields, hold timing and the working side: the base of every programme hold. */
export const holdBaseShape = { ...commonConfigShape, ...holdTimingShape, ...sideShape };
