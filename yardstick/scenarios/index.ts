// Every exercise the yardstick scripts, by registry id. Headline exercises first.
import { lungeModel } from './headline/lunge';
import { sidePlankModel } from './headline/side-plank';
import { singleLegStandModel } from './headline/single-leg-stand';
import { squatModel } from './headline/squat';
import { PROGRAMME_MODELS } from './programme/index';
import type { ExerciseModel } from './types';

export const MODELS: readonly ExerciseModel[] = [singleLegStandModel, squatModel, lungeModel, sidePlankModel, ...PROGRAMME_MODELS];

export function modelById(id: string): ExerciseModel {
  const m = MODELS.find((x) => x.id === id);
  if (!m) throw new Error(`no yardstick model for "${id}"; known: ${MODELS.map((x) => x.id).join(', ')}`);
  return m;
}
