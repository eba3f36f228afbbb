// Small statistics helpers for the benchmarks. Quantiles use the nearest-rank method on a sorted copy.
export interface Dist { n: number; median: number; p95: number; mean: number; min: number; max: number }

export function dist(values: readonly number[]): Dist {
  const s = values.filter(Number.isFinite).slice().sort((a, b) => a - b);
  const q = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : Number.NaN);
  return {
    n: s.length,
    median: q(0.5),
    p95: q(0.95),
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN,
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
  };
}

export const fmt = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

/** Renders rows as a GitHub-flavoured markdown table (also readable in a terminal). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
