import type { ExerciseModel } from '../types';

export const PROGRAMME_MODELS: readonly ExerciseModel[] = [];
