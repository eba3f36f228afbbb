// Per-rep and per-hold metric accumulation: named running statistics (min / max / mean, NaN ignored), the fault keys
// seen during the rep in the order they first came on, and values captured on the frame where one signal peaked
// (e.g. FPPA "at peak knee flexion" = on the deepest frame of the rep). Pure; a rep or hold starts from EMPTY_ACC.
import { addSample, EMPTY_STAT, type Stat } from './stats';

export interface Accumulator {
  readonly stats: Readonly<Record<string, Stat>>;
  /** Fault keys (engine/persistence.ts faultKey, or plain codes) seen active, in order of first appearance. */
  readonly faults: readonly string[];
  /** Values captured on the frame where a signal reached its maximum (see captureAtPeak). */
  readonly atPeak: Readonly<Record<string, number>>;
}

export const EMPTY_ACC: Accumulator = Object.freeze({ stats: Object.freeze({}), faults: Object.freeze([]), atPeak: Object.freeze({}) });

/** Adds one sample per key (a NaN sample is ignored; its key still appears, empty). */
export function accumulate(acc: Accumulator, samples: Readonly<Record<string, number>>): Accumulator {
  const stats: Record<string, Stat> = { ...acc.stats };
  for (const k in samples) stats[k] = addSample(stats[k] ?? EMPTY_STAT, samples[k]!);
  return { ...acc, stats };
}

/** Adds fault keys not seen yet in this rep. */
export function noteFaults(acc: Accumulator, keys: readonly string[]): Accumulator {
  let faults = acc.faults;
  for (const k of keys) if (!faults.includes(k)) faults = [...faults, k];
  return faults === acc.faults ? acc : { ...acc, faults };
}

/**
 * Captures `values` when `value` is at or above the maximum of stats[key] so far (call BEFORE accumulating this
 * frame's `value`; ties go to the later frame, whose smoothed signals have settled).
 */
export function captureAtPeak(acc: Accumulator, key: string, value: number, values: Readonly<Record<string, number>>): Accumulator {
  const max = acc.stats[key]?.max ?? -Infinity;
  return value < max ? acc : { ...acc, atPeak: { ...acc.atPeak, ...values } };
}

/** Max / min / mean / sum of a key; NaN when never sampled (finiteMetrics then leaves the metric out). */
export const accMax = (acc: Accumulator, key: string): number => { const s = acc.stats[key]; return s && s.n > 0 ? s.max : Number.NaN; };
export const accMin = (acc: Accumulator, key: string): number => { const s = acc.stats[key]; return s && s.n > 0 ? s.min : Number.NaN; };
export const accMean = (acc: Accumulator, key: string): number => { const s = acc.stats[key]; return s && s.n > 0 ? s.sum / s.n : Number.NaN; };
export const accSum = (acc: Accumulator, key: string): number => acc.stats[key]?.sum ?? 0;
/** Number of (finite) samples of a key. */
export const accCount = (acc: Accumulator, key: string): number => acc.stats[key]?.n ?? 0;
/** A captured value, NaN if never captured. */
export const accAtPeak = (acc: Accumulator, key: string): number => acc.atPeak[key] ?? Number.NaN;
