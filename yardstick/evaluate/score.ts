// Scores one population set: runs its checker (the registry's public API) on the rendered frames and compares
// with the script's truth: rep count, hold time, per rep / hold whether each fault was flagged (graded by its 3D
// truth magnitude), cue latency, false cues on clean sets, and reported metrics against their 3D truth.
import type { Side } from '../../src/core/pose-frame';
import { runById } from '../../src/rules/registry';
import type { Finding } from '../../src/rules/engine/types';
import type { Body3D } from '../body/skeleton';
import { frameSide, renderSet, type Conditions, type PopulationSet } from '../population';
import type { FaultDef, TruthSide } from '../scenarios/types';
import { faultIntervals } from './fixture-check';

export type Grade = 'clean' | 'borderline' | 'fault';

export interface Outcome {
  fault: string;
  /** 'rep' or 'hold' the outcome is about. */
  per: 'rep' | 'hold';
  truth: number;
  grade: Grade;
  flagged: boolean;
  /** Cue start minus the first moment the 3D truth passed the fault cut-off (ms); null unless a flagged fault. */
  latencyMs: number | null;
}

export interface MeasureOutcome { metric: string; truth: number; got: number }

export interface SetResult {
  id: string;
  conditions: Conditions;
  reps: { truth: number; got: number } | null;
  holds: { truthMs: number; gotMs: number } | null;
  outcomes: Outcome[];
  /** The set's truth is clean everywhere (every fault at or below its clean cut-off). */
  clean: boolean;
  /** Warning/fault cue codes seen in a clean set. */
  falseCues: string[];
  measures: MeasureOutcome[];
  /** Verdicts in order (rep count, then flagged per outcome): for comparing the same set under two cameras. */
  verdicts: string;
  frames: number;
}

const STEP_MS = 25;

/**
 * The hold time the user is told: per hold its final clock (the hold-end's, or the last status of a hold the clip
 * cut), summed, as the set summary reports it. Not the frames shown running: the clock confirms a start only after
 * the posture has lasted a moment and then counts that moment in, so the running frames miss it by design.
 */
export function heldMs(perFrame: readonly { findings: readonly Finding[] }[]): number {
  let total = 0, current = 0;
  for (const f of perFrame) {
    const ends = f.findings.filter((x) => x.kind === 'hold-end');
    if (ends.length) { // the hold's own total (a status on the same frame repeats it)
      for (const e of ends) total += e.elapsedMs;
      current = 0;
      continue;
    }
    for (const x of f.findings) {
      if (x.kind !== 'hold') continue;
      if (x.elapsedMs < current) total += current; // a new hold began without an end
      current = x.elapsedMs;
    }
  }
  return total + current;
}
export const gradeOf = (f: FaultDef, v: number): Grade => (v >= f.faultFrom ? 'fault' : v <= f.cleanMax ? 'clean' : 'borderline');

function bodiesOver(ps: PopulationSet, fromMs: number, toMs: number): { t: number; b: Body3D }[] {
  const out: { t: number; b: Body3D }[] = [];
  for (let t = fromMs; t <= toMs + 1e-6; t += STEP_MS) out.push({ t, b: ps.script.bodyAt(t) });
  return out;
}

export function scoreSet(ps: PopulationSet): SetResult {
  const r = renderSet(ps);
  const { script } = ps;
  const cfgSide = script.side ? frameSide(ps, script.side) : undefined;
  const run = runById(script.exerciseId, r.frames, script.configOverrides, cfgSide);
  return scoreRun(ps, run.perFrame, r.frames.length);
}

/** Scores findings already computed for a set's frames. */
export function scoreRun(ps: PopulationSet, perFrame: readonly { timestampMs: number; findings: readonly Finding[] }[], nFrames: number): SetResult {
  const { script, model } = ps;
  const c0 = ps.clipStartMs, c1 = ps.clipStartMs + ps.clipMs;
  const cues = faultIntervals(perFrame);
  const start = script.bodyAt(0);
  const outcomes: Outcome[] = [];
  const measures: MeasureOutcome[] = [];
  const repFindings = perFrame.flatMap((f) => f.findings.filter((x): x is Extract<Finding, { kind: 'rep' }> => x.kind === 'rep'));
  const holdEnds = perFrame.flatMap((f) => f.findings.filter((x): x is Extract<Finding, { kind: 'hold-end' }> => x.kind === 'hold-end'));

  // Truth windows: reps whose target is reached in the clip and whose top is regained before it ends.
  const repWins = script.reps.filter((rp) => rp.bottomEndMs >= c0 && rp.endMs <= c1)
    .map((rp) => ({ side: rp.side, from: Math.max(c0, rp.startMs), to: rp.endMs, matchFrom: rp.bottomMs, per: 'rep' as const }));
  const clipped = (hs: typeof script.holds) => hs.filter((h) => h.endMs > c0 && h.startMs < c1)
    .map((h) => ({ side: h.side, from: Math.max(c0, h.startMs), to: Math.min(c1, h.endMs), matchFrom: h.startMs, per: 'hold' as const }));
  const holdWins = clipped(script.holds), trialWins = clipped(script.trials);
  const wins = model.kind === 'reps' ? repWins : trialWins;
  const usedRep = new Set<number>(), usedHold = new Set<number>();
  for (const w of wins) {
    const bodies = bodiesOver(ps, w.from, w.to);
    for (const f of model.faults) {
      const side: TruthSide = f.side === 'rep' ? w.side : f.side === 'rep-other' ? (w.side === 'both' ? 'both' : w.side === 'left' ? 'right' : 'left') : f.side;
      const series = bodies.map(({ t, b }) => ({ t, v: model.measure(f.id, b, script) }));
      const truth = Math.max(...series.map((s) => s.v));
      if (!Number.isFinite(truth)) continue;
      const grade = gradeOf(f, truth);
      const fs = side === 'both' ? 'both' : frameSide(ps, side);
      const lo = w.from - c0 - 100, hi = w.to - c0 + 600;
      const hit = cues.find((iv) => f.cueCodes.includes(iv.code) && (!f.sided || iv.side === 'both' || fs === 'both' || iv.side === fs) && iv.endMs >= lo && iv.startMs <= hi);
      const crossing = series.find((s) => s.v >= f.faultFrom)?.t;
      outcomes.push({
        fault: f.id, per: w.per, truth, grade, flagged: !!hit,
        latencyMs: hit && grade === 'fault' && crossing !== undefined ? Math.max(hit.startMs, lo) - (crossing - c0) : null,
      });
    }
    for (const m of model.measures.filter((x) => x.per === w.per)) {
      const list = w.per === 'rep' ? repFindings : holdEnds;
      const used = w.per === 'rep' ? usedRep : usedHold;
      const i = list.findIndex((x, k) => !used.has(k) && x.timestampMs >= w.matchFrom - c0 - 200 && x.timestampMs <= w.to - c0 + 2500);
      if (i < 0) continue;
      used.add(i);
      const side = w.side === 'both' ? 'both' : frameSide(ps, w.side as Side);
      const key = ps.capture.mirrored ? m.metric.replace(/Left|Right/g, (x) => (x === 'Left' ? 'Right' : 'Left')) : m.metric;
      const got = list[i]!.metrics[key];
      const truth = m.truth(bodiesOver(ps, w.from, w.to).map((x) => x.b), side === 'both' ? 'both' : w.side, start);
      if (typeof got === 'number' && Number.isFinite(got) && Number.isFinite(truth)) measures.push({ metric: m.metric, truth, got });
    }
  }
  const clean = outcomes.every((o) => o.grade === 'clean');
  const falseCues = clean ? [...new Set(cues.map((c) => c.code))] : [];
  const reps = model.kind === 'reps' || script.reps.length ? { truth: repWins.length, got: repFindings.length } : null;
  let holds: SetResult['holds'] = null;
  if (model.kind === 'hold') holds = { truthMs: holdWins.reduce((s, h) => s + (h.to - h.from), 0), gotMs: heldMs(perFrame) };
  const verdicts = [reps ? `reps=${reps.got}` : `holds=${Math.round((holds?.gotMs ?? 0) / 1000)}`, ...outcomes.map((o) => `${o.fault}:${o.flagged ? 1 : 0}`)].join(' ');
  return { id: ps.id, conditions: ps.conditions, reps, holds, outcomes, clean, falseCues, measures, verdicts, frames: nFrames };
}
