// A test done once per leg (the single-leg stand; any per-leg trial): each leg's latest result is kept, the left minus
// right difference of the metric the test compares is reported once both legs are done (the side-to-side comparison
// the test is used for), and the test is done when the legs asked for are.
import type { Side } from '../../core/pose-frame';
import { measure, type Unit } from './findings';
import type { Finding } from './types';

export interface LegTrials<R> { readonly left: R | null; readonly right: R | null }
export const NO_TRIALS: LegTrials<never> = Object.freeze({ left: null, right: null });

/**
 * Store `side`'s result; with both legs done, the measure `diffCode` (left - right of `diffOf`, unit `unit`) is
 * returned to report on this frame.
 */
export function recordTrial<R>(
  trials: LegTrials<R>, side: Side, result: R, t: number, diff: { code: string; of: (r: R) => number; unit: Unit },
): { trials: LegTrials<R>; diffFinding: Finding | null } {
  const next = { ...trials, [side]: result } as LegTrials<R>;
  const diffFinding = next.left && next.right ? measure(diff.code, 'both', diff.of(next.left) - diff.of(next.right), diff.unit, t) : null;
  return { trials: next, diffFinding };
}

/** Done: both legs ('auto'), or the one leg asked for. */
export const trialsDone = <R>(trials: LegTrials<R>, side: 'auto' | Side): boolean =>
  (side === 'auto' ? !!(trials.left && trials.right) : !!trials[side]);
