// The loaded knee's valgus on one frame, shared by the one-leg tasks (single-leg squat, lateral step-up): the knee's
// medial displacement from its hip-ankle line (body.ts `kneeMedialFrac`, medial toward the other hip, a fraction of
// the straight leg) against the same knee with the leg straight (the person's rest neutral, engine/rest-reference.ts),
// judged only while the knee is bent; FPPA only inside its valid flexion window. Why a distance against the person's
// own straight leg, and what one camera cannot separate (a body turned against it): docs/biomechanics.md#knee-medial-displacement.
// The lunge judges the same displacement on both knees together (its back knee cancels a turned camera).
import { fromRestNeutral, type RestNeutrals } from './rest-reference';

export interface LoadedKneeWindow {
  /** Judged only while the leg is compressed by more than this (a straight leg shows only anatomy and noise). */
  minBend: number;
  /** FPPA only up to this compression (~75 deg of knee flexion): deeper, the thigh points at the lens. */
  fppaMaxBend: number;
}

/**
 * Valgus measures of the loaded knee from this frame's `medialNow` (body.ts `kneeMedialFrac` over the straight leg,
 * also fed to the neutrals under the key 'medial') and FPPA: `medial` against the neutral while bent, `fppa` inside
 * its window; NaN outside them (and until the neutral is known).
 */
export function loadedKneeValgus(neutral: RestNeutrals, medialNow: number, fppaDeg: number, bend: number, w: LoadedKneeWindow): { medial: number; fppa: number } {
  const bent = bend > w.minBend;
  return {
    medial: bent ? fromRestNeutral(neutral, 'medial', medialNow) : Number.NaN,
    fppa: bent && bend <= w.fppaMaxBend ? fppaDeg : Number.NaN,
  };
}
