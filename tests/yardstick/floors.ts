// What the checkers achieve today on a small seeded subset of the yardstick (FLOOR_SETS sets per exercise, the
// first indices of `npm run evaluate`'s population). A floor may only RISE: when a checker gets better, run
// `npx vitest run tests/yardstick` (it prints the measured values) and raise the numbers here to just below them.
// Never lower a floor to make a regression pass.
export const FLOOR_SETS = { headline: 40, programme: 12 } as const;

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

// Re-based on 40 headline / 12 programme sets once the rules were fixed against the yardstick: the first subset
// (12 / 4) held too few fault events to be a floor (single-leg stand: 3 pelvic-drop holds, so one hold moved F1 by
// 0.3). Each floor sits just below what this subset measured then.
export const FLOORS: Record<string, Floor> = {
  'single-leg-stand': { faultF1: 0.82, maxFalseCueSets: 1, maxHoldMaeMs: 700 },
  'squat': { repExact: 0.96, faultF1: 0.58, maxFalseCueSets: 0 },
  'lunge': { repExact: 0.84, faultF1: 0.61, maxFalseCueSets: 1 },
  'side-plank': { repExact: 0.97, faultF1: 0.89, maxFalseCueSets: 0, maxHoldMaeMs: 400 },
  'side-lying-hip-abduction': { repExact: 0.99, faultF1: 0.80, maxFalseCueSets: 0 },
  'clamshell': { repExact: 0.99, faultF1: 0.92, maxFalseCueSets: 0 },
  'single-leg-squat': { repExact: 0.90, faultF1: 0.85, maxFalseCueSets: 2 },
  'lateral-step-up': { repExact: 0.99, faultF1: 0.50, maxFalseCueSets: 3 },
  'standing-hip-abduction': { repExact: 0.99, faultF1: 0.87, maxFalseCueSets: 0 },
  'hip-hitch': { repExact: 0.74, faultF1: 0.12, maxFalseCueSets: 0 },
  'glute-bridge': { repExact: 0.99, faultF1: 0.91, maxFalseCueSets: 0 },
  'glute-bridge-front': { repExact: 0.90, faultF1: 0.79, maxFalseCueSets: 0 },
  'single-leg-deadlift': { repExact: 0.99, faultF1: 0.89, maxFalseCueSets: 0 },
  'prone-hip-extension': { repExact: 0.90, faultF1: 0.85, maxFalseCueSets: 0 },
  'quadruped-hip-abduction': { repExact: 0.99, faultF1: 0.99, maxFalseCueSets: 0 },
  'seated-side-foot-raise': { repExact: 0.99, faultF1: 0.99, maxFalseCueSets: 0 },
  'prone-straddle-hold': { faultF1: 0.99, maxFalseCueSets: 0, maxHoldMaeMs: 250 },
  'wall-clamshell': { faultF1: 0.93, maxFalseCueSets: 0, maxHoldMaeMs: 400 },
  'standing-hip-circumduction': { repExact: 0.80, faultF1: 0.99, maxFalseCueSets: 0 },
};
