// Numbers from scored sets: per exercise and fault precision / recall / F1 of cues per rep or hold (clear faults
// against clean reps; borderline reported apart), cue latency, rep count exact-rate and MAE, hold time error,
// reported metrics against their 3D truth, false cues on clean sets, and the same broken down by condition.
import type { Conditions } from '../population';
import type { ExerciseModel, FaultDef } from '../scenarios/types';
import type { Grade, SetResult } from './score';

export interface FaultStats {
  fault: string; per: 'rep' | 'hold'; cut: number;
  tp: number; fn: number; fp: number; tn: number;
  precision: number; recall: number; f1: number;
  borderline: number; borderlineFlagged: number;
  latencyMedianMs: number; latencyP90Ms: number;
}
export interface MeasureStats { metric: string; n: number; biasMean: number; mae: number; p90: number }
export interface RepStats { sets: number; exact: number; cleanSets: number; cleanExact: number; mae: number }
export interface ExerciseStats {
  id: string; headline: boolean; sets: number; cleanSets: number; falseCueSets: number; falseCueCodes: Record<string, number>;
  reps: RepStats | null; holdErrorMs: { n: number; mae: number; bias: number } | null;
  faults: FaultStats[]; altCutoffs: FaultStats[]; measures: MeasureStats[];
}

const q = (xs: number[], p: number) => { if (!xs.length) return Number.NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

export function faultStats(results: readonly SetResult[], f: FaultDef, cut = f.faultFrom): FaultStats {
  let tp = 0, fn = 0, fp = 0, tn = 0, borderline = 0, bf = 0;
  const lat: number[] = [];
  let per: 'rep' | 'hold' = 'rep';
  for (const r of results) {
    for (const o of r.outcomes) {
      if (o.fault !== f.id) continue;
      per = o.per;
      const grade: Grade = o.truth >= cut ? 'fault' : o.truth <= f.cleanMax ? 'clean' : 'borderline';
      if (grade === 'fault') { if (o.flagged) { tp++; if (o.latencyMs !== null && cut === f.faultFrom) lat.push(o.latencyMs); } else fn++; }
      else if (grade === 'clean') { if (o.flagged) fp++; else tn++; }
      else { borderline++; if (o.flagged) bf++; }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : Number.NaN, recall = tp + fn ? tp / (tp + fn) : Number.NaN;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : Number.NaN;
  return { fault: f.id, per, cut, tp, fn, fp, tn, precision, recall, f1, borderline, borderlineFlagged: bf, latencyMedianMs: q(lat, 0.5), latencyP90Ms: q(lat, 0.9) };
}

export function repStats(results: readonly SetResult[]): RepStats | null {
  const rs = results.filter((r) => r.reps);
  if (!rs.length) return null;
  const clean = rs.filter((r) => r.clean);
  return {
    sets: rs.length, exact: rs.filter((r) => r.reps!.got === r.reps!.truth).length,
    cleanSets: clean.length, cleanExact: clean.filter((r) => r.reps!.got === r.reps!.truth).length,
    mae: mean(rs.map((r) => Math.abs(r.reps!.got - r.reps!.truth))),
  };
}

export function exerciseStats(m: ExerciseModel, results: readonly SetResult[]): ExerciseStats {
  const falseCueCodes: Record<string, number> = {};
  for (const r of results) for (const c of r.falseCues) falseCueCodes[c] = (falseCueCodes[c] ?? 0) + 1;
  const holds = results.filter((r) => r.holds && r.holds.truthMs > 0);
  const metrics = [...new Set(results.flatMap((r) => r.measures.map((x) => x.metric)))];
  return {
    id: m.id, headline: m.headline, sets: results.length, cleanSets: results.filter((r) => r.clean).length,
    falseCueSets: results.filter((r) => r.falseCues.length).length, falseCueCodes,
    reps: repStats(results),
    holdErrorMs: holds.length ? { n: holds.length, mae: mean(holds.map((r) => Math.abs(r.holds!.gotMs - r.holds!.truthMs))), bias: mean(holds.map((r) => r.holds!.gotMs - r.holds!.truthMs)) } : null,
    faults: m.faults.map((f) => faultStats(results, f)),
    altCutoffs: m.faults.flatMap((f) => f.altCutoffs.map((c) => faultStats(results, f, c))),
    measures: metrics.map((metric) => {
      const e = results.flatMap((r) => r.measures.filter((x) => x.metric === metric).map((x) => x.got - x.truth));
      return { metric, n: e.length, biasMean: mean(e), mae: mean(e.map(Math.abs)), p90: q(e.map(Math.abs), 0.9) };
    }),
  };
}

/** Condition bins for the breakdown tables. */
export const CONDITION_BINS: Array<{ name: string; of: (c: Conditions) => string }> = [
  { name: 'camera roll', of: (c) => (Math.abs(c.rollDeg) < 2 ? '|roll| < 2 deg' : Math.abs(c.rollDeg) < 4 ? '|roll| 2-4 deg' : '|roll| 4-6 deg') },
  { name: 'body yaw', of: (c) => (Math.abs(c.yawDeg) < 10 ? '|yaw| < 10 deg' : Math.abs(c.yawDeg) < 20 ? '|yaw| 10-20 deg' : '|yaw| 20-30 deg') },
  { name: 'camera height', of: (c) => (c.cameraHeightM < 0.6 ? 'low (< 0.6 m)' : c.cameraHeightM < 1.1 ? 'mid (0.6-1.1 m)' : 'high (>= 1.1 m)') },
  { name: '2D leg/torso standing', of: (c) => (c.legTorso2d < 1.4 ? '< 1.4' : c.legTorso2d < 1.7 ? '1.4-1.7' : '>= 1.7') },
  { name: 'stature', of: (c) => (c.statureM < 1.65 ? '< 1.65 m' : c.statureM < 1.8 ? '1.65-1.80 m' : '>= 1.80 m') },
  { name: 'arms', of: (c) => c.arms },
  { name: 'frame rate', of: (c) => (c.fps <= 10 ? '5-10 fps' : c.fps < 25 ? '12-24 fps' : '25-60 fps') },
  { name: 'dropouts', of: (c) => (c.dropouts ? 'joint dropouts' : 'none') },
  { name: 'outliers', of: (c) => (c.outliers ? 'knee/ankle outliers' : 'none') },
  { name: 'start', of: (c) => c.start },
  { name: 'clip end', of: (c) => (c.endsMidRep ? 'ends mid-rep' : 'ends at the top') },
  { name: 'mirrored', of: (c) => (c.mirrored ? 'mirrored' : 'not mirrored') },
  { name: 'picture', of: (c) => (c.portrait ? '9:16' : '16:9') },
];

export interface BinRow { condition: string; bin: string; sets: number; repExactClean: string; faultF1: string; falseCue: string; measureMae: string }

/** One row per condition bin: rep exact-rate on clean sets, F1 of clear faults (all the exercise's faults pooled), false-cue rate, MAE of the first metric. */
export function breakdown(m: ExerciseModel, results: readonly SetResult[]): BinRow[] {
  const rows: BinRow[] = [];
  const metric = m.measures[0]?.metric;
  for (const c of CONDITION_BINS) {
    const bins = new Map<string, SetResult[]>();
    for (const r of results) { const k = c.of(r.conditions); bins.set(k, [...(bins.get(k) ?? []), r]); }
    for (const [bin, rs] of [...bins].sort((a, b) => a[0].localeCompare(b[0]))) {
      const rep = repStats(rs);
      let tp = 0, fp = 0, fn = 0;
      for (const f of m.faults) { const s = faultStats(rs, f); tp += s.tp; fp += s.fp; fn += s.fn; }
      const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : fp + fn ? 0 : Number.NaN;
      const clean = rs.filter((r) => r.clean);
      const err = metric ? rs.flatMap((r) => r.measures.filter((x) => x.metric === metric).map((x) => Math.abs(x.got - x.truth))) : [];
      rows.push({
        condition: c.name, bin, sets: rs.length,
        repExactClean: rep && rep.cleanSets ? `${pct(rep.cleanExact / rep.cleanSets)} (${rep.cleanSets})` : '-',
        faultF1: Number.isNaN(f1) ? '-' : `${f1.toFixed(2)} (${tp}/${fp}/${fn})`,
        falseCue: clean.length ? `${pct(clean.filter((r) => r.falseCues.length).length / clean.length)} (${clean.length})` : '-',
        measureMae: err.length ? `${mean(err).toFixed(2)} (${err.length})` : '-',
      });
    }
  }
  return rows;
}

export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(x === 1 || x === 0 ? 0 : 1)} %` : '-');
