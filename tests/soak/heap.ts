// Heap measurement for soak tests: a real full GC (V8's gc(), exposed at run time without a CLI flag) before each
// reading, and a least-squares slope over many checkpoints so one noisy reading cannot pass or fail a test alone.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as () => void;

/** Full GC (twice: the second collects what finalizers of the first released), then V8's used heap in bytes. */
export function heapAfterGc(): number {
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed;
}

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i]! - mx) * (ys[i]! - my); den += (xs[i]! - mx) ** 2; }
  return den === 0 ? 0 : num / den;
}

export const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
