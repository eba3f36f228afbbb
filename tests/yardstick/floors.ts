// What the checkers achieve today on a small seeded subset of the yardstick (FLOOR_SETS sets per exercise, the
// first indices of `npm run evaluate`'s population). A floor may only RISE: when a checker gets better, run
// `npx vitest run tests/yardstick` (it prints the measured values) and raise the numbers here to just below them.
// Never lower a floor to make a regression pass.
export const FLOOR_SETS = { headline: 12, programme: 4 } as const;

export interface Floor {
  /** Minimum share of sets whose rep count is exact (rep exercises). */
  repExact?: number;
  /** Minimum F1 of clear faults, all the exercise's faults pooled (NaN-free subsets only). */
  faultF1?: number;
  /** Maximum number of clean sets with a false cue. */
  maxFalseCueSets?: number;
  /** Maximum hold time MAE, ms (hold exercises). */
  maxHoldMaeMs?: number;
}

// Measured on the subset on the day the yardstick landed (before the rules were fixed against it).
export const FLOORS: Record<string, Floor> = {
  'single-leg-stand': { faultF1: 0.85, maxFalseCueSets: 0, maxHoldMaeMs: 1300 },
  'squat': { repExact: 0.33, faultF1: 0.54, maxFalseCueSets: 1 },
  'lunge': { repExact: 0.33, faultF1: 0.5, maxFalseCueSets: 1 },
  'side-plank': { repExact: 0.8, faultF1: 0.8, maxFalseCueSets: 0, maxHoldMaeMs: 700 },
  'side-lying-hip-abduction': { repExact: 0.5, faultF1: 0.0, maxFalseCueSets: 0 },
  'clamshell': { repExact: 0.0, faultF1: 0.76, maxFalseCueSets: 0 },
  'single-leg-squat': { repExact: 0.5, faultF1: 0.8, maxFalseCueSets: 1 },
  'lateral-step-up': { repExact: 0.5, faultF1: 0.66, maxFalseCueSets: 1 },
  'standing-hip-abduction': { repExact: 0.5, maxFalseCueSets: 3 },
  'hip-hitch': { repExact: 0.0, faultF1: 0.22, maxFalseCueSets: 0 },
  'glute-bridge': { repExact: 0.25, faultF1: 0.82, maxFalseCueSets: 0 },
  'glute-bridge-front': { repExact: 0.25, maxFalseCueSets: 0 },
  'single-leg-deadlift': { repExact: 0.75, faultF1: 0.92, maxFalseCueSets: 0 },
  'prone-hip-extension': { repExact: 0.25, faultF1: 0.85, maxFalseCueSets: 0 },
  'quadruped-hip-abduction': { repExact: 0.25, maxFalseCueSets: 0 },
  'seated-side-foot-raise': { repExact: 0.25, faultF1: 0.85, maxFalseCueSets: 0 },
  'prone-straddle-hold': { faultF1: 1.0, maxFalseCueSets: 0, maxHoldMaeMs: 200 },
  'wall-clamshell': { faultF1: 1.0, maxFalseCueSets: 0, maxHoldMaeMs: 1950 },
  'standing-hip-circumduction': { repExact: 0.75, faultF1: 0.0, maxFalseCueSets: 0 },
};
