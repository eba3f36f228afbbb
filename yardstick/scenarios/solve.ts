// Bisection for a script parameter that gives a wanted 3D truth value (e.g. the knee swivel that puts the knee
// 6 % of the leg medial at the bottom). Works on the 3D body only: never on a projection.
export function solveMonotonic(f: (x: number) => number, target: number, lo: number, hi: number, iters = 50): number {
  let flo = f(lo) - target;
  const fhi = f(hi) - target;
  if (flo * fhi > 0) return Math.abs(flo) < Math.abs(fhi) ? lo : hi; // out of reach: the nearest end
  for (let i = 0; i < iters; i++) {
    const m = (lo + hi) / 2;
    const fm = f(m) - target;
    if (fm * flo <= 0) hi = m; else { lo = m; flo = fm; }
  }
  return (lo + hi) / 2;
}

/** A level's target value in [lo, hi] for the clean / borderline / fault band of a fault. */
export function bandValue(u: number, level: 'clean' | 'borderline' | 'fault', band: { clean: [number, number]; borderline: [number, number]; fault: [number, number] }): number {
  const [a, b] = band[level];
  return a + (b - a) * u;
}
