// What a scenario is: one scripted set of one exercise (a person, a movement over time, the truth of that movement)
// that the population sampler then films with a sampled camera and detector (detector-noise/pipeline.ts).
// Truth is the script's own: rep events from its phases, hold intervals from its posture, fault magnitudes from
// the 3D joint centres (truth/measures.ts). Times are SCRIPT times (ms); the clip cut from the script starts at
// `clip.startMs`.
import type { Side } from '../../src/core/pose-frame';
import type { Anthropometry } from '../body/anthropometry';
import type { ArmPose, Body3D } from '../body/skeleton';
import type { Vec3 } from '../body/vec';
import type { Rng } from '../rng';

export type TruthSide = Side | 'both';

/** A fault as the yardstick defines it in 3D (yardstick/README.md "Truth"). */
export interface FaultDef {
  /** Stable id, e.g. "knee-valgus-left". */
  id: string;
  /**
   * The person's side the fault is about, or 'rep' = the rep's / hold's own side (e.g. the stance leg), or
   * 'rep-other' = the other leg than the rep's (the stance leg when the rep's side is the moving leg).
   */
  side: Side | 'both' | 'rep' | 'rep-other';
  /** Measure, unit and sign, in words. */
  definition: string;
  unit: string;
  /** Clean when the peak is <= this; clearly faulty when >= faultFrom; borderline in between. */
  cleanMax: number;
  faultFrom: number;
  /** Other cut-offs to show the result at (no published 3D cut-off exists for most). */
  altCutoffs: number[];
  /** Where the cut-off comes from. */
  source: string;
  /** Cue codes of the checker that count as flagging this fault (any of them, with the right side). */
  cueCodes: string[];
  /** Whether a flag must carry the fault's side (false: a 'both' cue like KNEES_INSIDE_ANKLES also counts). */
  sided: boolean;
}

export interface Truthful {
  /**
   * Truth magnitude of a fault on one body (3D) for the side the fault is about; `script` gives the person's own
   * references (e.g. their level two-leg stance).
   */
  measure(faultId: string, b: Body3D, script: Script): number;
}

/** A rep in the script: leaves the top at startMs, reaches the target at bottomMs, is back at the top at endMs. */
export interface ScriptRep { side: TruthSide; startMs: number; bottomMs: number; bottomEndMs: number; endMs: number }
/** A hold in the script: posture correct from startMs to endMs. */
export interface ScriptHold { side: TruthSide; startMs: number; endMs: number }

/** A reported checker metric compared with its 3D truth (per rep or per hold). */
export interface MeasureDef {
  /** Key in the rep / hold-end finding's metrics. */
  metric: string;
  per: 'rep' | 'hold';
  unit: string;
  /** Why this metric is compared with this truth. */
  note: string;
  /** Truth over the rep / hold (the script's bodies at 25 ms steps; `start` = the body in the start posture). */
  truth(bodies: readonly Body3D[], side: TruthSide, start: Body3D): number;
}

export type StartCondition = 'top-long' | 'top-short' | 'mid-descent' | 'bottom' | 'mid-hold';

export interface Script {
  exerciseId: string;
  /** Working side for sided exercises (the fixture's exercise.side), as the PERSON's side. */
  side?: Side;
  configOverrides: Record<string, unknown>;
  view: 'front' | 'side';
  /** The body lies on the floor (lower scores, left/right swaps possible). */
  lying: boolean;
  body: Anthropometry;
  bodyAt(tMs: number): Body3D;
  armsAt(tMs: number): ArmPose;
  durationMs: number;
  reps: ScriptRep[];
  /** Intervals the hold timer should run (posture correct). */
  holds: ScriptHold[];
  /** Hold exercises: the stretches faults are judged over (one per trial / plank, lowering excluded). */
  trials: ScriptHold[];
  /** Where the camera should look and from which side (azimuth before the sampled yaw). */
  camera: { lookAt: Vec3; azimuthDeg: number; heightRangeM: [number, number]; distanceRangeM: [number, number] };
  /** Scripted fault magnitudes (parameters, not truth: truth is measured on the bodies). */
  scripted: Record<string, number>;
  notes: string;
}

export interface ScriptOptions {
  /** The fault to script and how strong (units of the exercise's own scripting, see each scenario). */
  fault: { id: string; level: 'clean' | 'borderline' | 'fault' } | null;
  start: StartCondition;
  /** The clip ends in the middle of an extra rep (which does not count). */
  endsMidRep: boolean;
  arms: ArmPose;
}

export interface ExerciseModel extends Truthful {
  id: string;
  headline: boolean;
  /** Rep exercise (reps truth) or hold exercise (hold truth). */
  kind: 'reps' | 'hold';
  faults: FaultDef[];
  measures: MeasureDef[];
  /** Start conditions this exercise can be filmed from. */
  starts: StartCondition[];
  /** Arm poses the exercise allows. */
  arms: ArmPose[];
  /** Short name of each variant this model scripts (e.g. forward / reverse / transverse lunge). */
  script(rng: Rng, body: Anthropometry, o: ScriptOptions): { script: Script; clipStartMs: number; clipMs: number };
}
