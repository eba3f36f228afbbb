// Every exercise definition, by id, and the one way to build an exercise's config (app, tests, fixtures, tools).
// Fixture tests, the recorder, benchmarks and the UI pick exercises here. A new exercise = one import + one entry.
import type { z } from 'zod';
import type { Side } from '../core/pose-frame';
import { createRunner, resolveConfig, runExercise, type Runner, type RunResult } from './engine/run';
import type { CameraView, ExerciseDefinition, ExerciseGroup } from './engine/types';
import { lunge } from './exercises/lunge';
import { sidePlank } from './exercises/side-plank';
import { singleLegStand } from './exercises/single-leg-stand';
import { squat } from './exercises/squat';
// Gluteus-medius programme
import { clamshell } from './exercises/clamshell';
import { sideLyingHipAbduction } from './exercises/side-lying-hip-abduction';
import { singleLegSquat } from './exercises/single-leg-squat';
import { lateralStepUp } from './exercises/lateral-step-up';
import { standingHipAbduction } from './exercises/standing-hip-abduction';
import { hipHitch } from './exercises/hip-hitch';
import { gluteBridge } from './exercises/glute-bridge';
import { gluteBridgeFront } from './exercises/glute-bridge-front';
import { singleLegDeadlift } from './exercises/single-leg-deadlift';
import { proneHipExtension } from './exercises/prone-hip-extension';
import { quadrupedHipAbduction } from './exercises/quadruped-hip-abduction';
import { seatedSideFootRaise } from './exercises/seated-side-foot-raise';
import { proneStraddleHold } from './exercises/prone-straddle-hold';
import { wallClamshell } from './exercises/wall-clamshell';
import { standingHipCircumduction } from './exercises/standing-hip-circumduction';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExerciseDefinition = ExerciseDefinition<z.ZodType, any>;

export const EXERCISES: readonly AnyExerciseDefinition[] = [
  singleLegStand,
  squat,
  lunge,
  sidePlank,
  // Gluteus-medius programme
  sideLyingHipAbduction,
  clamshell,
  singleLegSquat,
  lateralStepUp,
  standingHipAbduction,
  hipHitch,
  gluteBridge,
  gluteBridgeFront,
  singleLegDeadlift,
  proneHipExtension,
  quadrupedHipAbduction,
  seatedSideFootRaise,
  proneStraddleHold,
  wallClamshell,
  standingHipCircumduction,
];

export interface ExerciseInfo { id: string; name: string; group: ExerciseGroup; view: CameraView; sided: boolean; description?: string }

/** Plain listing for pickers and reports. */
export function listExercises(): ExerciseInfo[] {
  return EXERCISES.map(({ id, name, group, view, sided, description }) => ({ id, name, group, view, sided, description }));
}

export function getExercise(id: string): AnyExerciseDefinition {
  const def = EXERCISES.find((d) => d.id === id);
  if (!def) throw new Error(`unknown exercise id "${id}"; known: ${EXERCISES.map((d) => d.id).join(', ')}`);
  return def;
}

/** An exercise by id, or its definition (e.g. one that is not registered, in tests). */
export type ExerciseRef = string | AnyExerciseDefinition;
const defOf = (ref: ExerciseRef): AnyExerciseDefinition => (typeof ref === 'string' ? getExercise(ref) : ref);

/**
 * The set's choices as config overrides: `side` for sided exercises and `holdTargetMs` for exercises that time a hold
 * (every hold exercise names its target `holdTargetMs`); an exercise without such a field ignores the choice.
 */
export function setOverrides(ref: ExerciseRef, side?: Side | null, holdTargetMs?: number | null): Record<string, unknown> {
  const def = defOf(ref);
  const fields = (def.configSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const o: Record<string, unknown> = {};
  if (side != null && def.sided) o.side = side;
  if (holdTargetMs != null && 'holdTargetMs' in fields) o.holdTargetMs = holdTargetMs;
  return o;
}

/**
 * The one way to build an exercise's config (app, tests, fixtures, tools): partial `overrides` (as in a fixture's
 * `exercise.configOverrides`) plus the set's choices (setOverrides), parsed by the exercise's zod schema with the
 * documented defaults for the rest. Throws a ZodError naming the bad field.
 */
export function exerciseConfig(ref: ExerciseRef, overrides: Record<string, unknown> = {}, side?: Side | null, holdTargetMs?: number | null): unknown {
  return resolveConfig(defOf(ref), { ...overrides, ...setOverrides(ref, side, holdTargetMs) });
}

/** Run an exercise by id over frames (fixture tests, benchmarks, recorder). */
export function runById(id: string, frames: Parameters<typeof runExercise>[1], overrides: Record<string, unknown> = {}, side?: Side): RunResult<unknown> {
  return runExercise(getExercise(id), frames, exerciseConfig(id, overrides, side));
}

/** Live runner by id (UI). */
export function runnerById(id: string, overrides: Record<string, unknown> = {}, side?: Side): Runner<unknown> {
  return createRunner(getExercise(id), exerciseConfig(id, overrides, side));
}
