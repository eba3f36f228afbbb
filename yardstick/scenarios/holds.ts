// Hold scripts: a start posture, getting into the held posture, holding, getting out; the clip cut for the start
// condition; the hold truth from a 3D predicate scanned over the script.
import type { Rng } from '../rng';
import type { ScriptHold, StartCondition, TruthSide } from './types';

/** Intervals (script ms) where `ok(t)` holds, scanned at 10 ms. */
export function intervalsWhere(ok: (tMs: number) => boolean, fromMs: number, toMs: number, side: TruthSide): ScriptHold[] {
  const out: ScriptHold[] = [];
  let start: number | null = null, last = fromMs;
  for (let t = fromMs; t <= toMs; t += 10) {
    if (ok(t)) { if (start === null) start = t; last = t; } else if (start !== null) { out.push({ side, startMs: start, endMs: last }); start = null; }
  }
  if (start !== null) out.push({ side, startMs: start, endMs: last });
  return out;
}

/** Clip for a hold: 1-3 s ('top-long') or 0-1 s ('top-short') before getting into position, or from inside the hold. */
export function holdClip(start: StartCondition, rng: Rng, getInMs: number, holdStartMs: number, endMs: number): { clipStartMs: number; clipMs: number } {
  let s: number;
  if (start === 'mid-hold') s = holdStartMs + rng.uniform(500, 2000);
  else if (start === 'top-short') s = getInMs - rng.uniform(0, 1000);
  else s = getInMs - rng.uniform(1000, 3000);
  s = Math.max(0, s);
  return { clipStartMs: s, clipMs: endMs - s };
}
