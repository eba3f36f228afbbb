// Config fields every exercise shares (visibility gating, fault debounce, view check). Exercise schemas spread
// `commonConfigShape` into their own z.object so overrides stay flat: `{ minKeypointScore: 0.5 }`.
import { z } from 'zod';

export const commonConfigShape = {
  minKeypointScore: z.number().min(0).max(1).default(0.3)
    .describe('Keypoint score below which a joint counts as not visible (0..1). 0.3 = MoveNet demo threshold (NOTES.md); use 0.65 for BlazePose.'),
  frameMarginFrac: z.number().min(0).max(0.2).default(0.005)
    .describe('A keypoint must lie inside the image inset by this fraction of width/height. Our default: MoveNet extrapolates joints that are cut off at the edge; 0.5% keeps real edge joints.'),
  faultOnsetMs: z.number().min(0).max(2000).default(200)
    .describe('A fault must persist this long (ms) before its cue is shown. Issue 4 asks for 150-250 ms; 200 ms = ~6 frames at 30 fps, still 2 frames at 5 fps.'),
  faultClearMs: z.number().min(0).max(2000).default(250)
    .describe('A shown cue clears only after the value stays past the clear threshold this long (ms). Our default: slightly longer than onset so cues never flicker.'),
  dropoutHoldMs: z.number().min(0).max(2000).default(400)
    .describe('Joints lost (or the pose jumping to another person) for up to this long (ms) keep the debounced fault state, the setup timer and a running hold (no cue is shown meanwhile; the next visible frame is judged afresh). Longer gaps reset them. Our default: MoveNet drops a joint for 1-6 frames now and then; single-person models jump to a bystander for ~0.3 s (H3 variant fixture).'),
  signalSmoothingMs: z.number().min(0).max(1000).default(150)
    .describe('Time constant (ms) of the EMA applied to small-angle signals (FPPA, pelvic obliquity, trunk lean) before thresholds; 0 = raw. Our default: 1.5 px jitter gives +/-3 deg on a 40 px hip width; 150 ms cuts it ~3x for ~150 ms of lag.'),
  maxJumpTorso: z.number().min(0).default(0.5)
    .describe('Person-switch guard: the body centre may move this many torso lengths between frames, plus maxSpeedTorsoPerS x dt; farther = another person (engine/identity.ts). Our default.'),
  maxSpeedTorsoPerS: z.number().min(0).default(4)
    .describe('Person-switch guard: body-centre speed allowance, torso lengths per second (~2 m/s). Our default.'),
  reacquireMs: z.number().min(0).default(500)
    .describe('A pose that stays at a new place this long (ms) is accepted as the person (they really moved). Our default.'),
  viewCheck: z.boolean().default(true)
    .describe('Check that the person faces the camera the way the exercise needs (engine/view-check.ts); WRONG_VIEW otherwise.'),
  frontMinShoulderRatio: z.number().min(0).max(2).default(0.45)
    .describe('Front view needs shoulder width / torso length >= this. Our default: ~0.7 when square to the camera, cos(50 deg) x 0.7 = 0.45 (see engine/view-check.ts).'),
  sideMaxShoulderRatio: z.number().min(0).max(2).default(0.25)
    .describe('Side view needs shoulder width / torso length <= this. Our default: cos(69 deg) x 0.7 = 0.25, i.e. turned at least ~70 deg.'),
  viewPersistMs: z.number().min(0).max(5000).default(500)
    .describe('Wrong view must persist this long (ms) before WRONG_VIEW is reported, and right view as long to clear it. Our default.'),
};

export const commonConfigSchema = z.object(commonConfigShape);
export type CommonConfig = z.infer<typeof commonConfigSchema>;
