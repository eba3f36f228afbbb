// Single-leg stand test (Trendelenburg) report: one trial per stance leg, compared side by side.
// Pure aggregation over the trials' set summaries. Numbers come from the rule's hold-end metrics when it
// reports them, otherwise from the measured series. Verdicts are codes; the words live in exercises-content.
// No validated 2D cut-off exists (hip keypoints are joint centres, not the pelvic bones; docs/biomechanics.md):
// the verdict follows the rule's own debounced pelvic-drop cue, and the mean-drop threshold here is our
// configurable default, reported next to the measured angles.
import type { Side } from '../core/pose-frame';
import type { Series } from './live-set';
import type { SetSummary } from './set-summary';

export interface SingleLegReportConfig {
  /** Mean pelvic drop (deg, lifted side lower) at or above which a trial is flagged even without a cue.
   * Our default 5 deg: above the ~3 deg 2D measurement error, not a validated clinical cut-off. */
  meanDropFlagDeg: number;
  /** Mean trunk lean (deg) toward the stance side flagged as a compensation; our default 5 deg, same reasoning. */
  meanTrunkLeanFlagDeg: number;
  /** Target hold; the classic test asks for up to 30 s. */
  targetMs: number;
}
export const DEFAULT_SINGLE_LEG_REPORT: SingleLegReportConfig = { meanDropFlagDeg: 5, meanTrunkLeanFlagDeg: 5, targetMs: 30_000 };

export const PELVIC_SERIES = /PELVIC/i;
export const TRUNK_SERIES = /TRUNK|LEAN/i;

export type LegVerdict = 'no-data' | 'level' | 'pelvic-drop' | 'trunk-lean' | 'pelvic-drop-and-trunk-lean';

export interface LegTrial {
  side: Side;
  holdMs: number;
  targetMs: number;
  reachedTarget: boolean;
  endReason: string;
  peakDropDeg: number | null;
  meanDropDeg: number | null;
  peakTrunkLeanDeg: number | null;
  meanTrunkLeanDeg: number | null;
  dropCueCount: number;
  trunkCueCount: number;
  verdict: LegVerdict;
  /** Pelvic obliquity over time, t from the start of the trial (s), for the plot. */
  obliquity: { tS: number[]; deg: number[] } | null;
}

export interface SingleLegReport {
  left: LegTrial | null;
  right: LegTrial | null;
  /** right - left, when both legs were tested. */
  comparison: { holdMsDiff: number; meanDropDegDiff: number | null; worseSide: Side | null } | null;
}

const finite = (xs: readonly number[]) => xs.filter((v) => Number.isFinite(v));
const meanOf = (xs: readonly number[]): number | null => { const f = finite(xs); return f.length ? f.reduce((a, b) => a + b, 0) / f.length : null; };
const maxOf = (xs: readonly number[]): number | null => { const f = finite(xs); return f.length ? Math.max(...f) : null; };

/** Hold-end metric by a loose name match (the rule names keys with units, e.g. `peakPelvicDropDeg`). */
function metric(m: Record<string, number>, re: RegExp): number | null {
  for (const [k, v] of Object.entries(m)) if (re.test(k) && Number.isFinite(v)) return v;
  return null;
}

function seriesFor(s: SetSummary, re: RegExp): Series | null {
  const all = s.series.filter((x) => re.test(x.code));
  return all.sort((a, b) => b.values.length - a.values.length)[0] ?? null;
}

export function legTrial(set: SetSummary, side: Side, config: SingleLegReportConfig = DEFAULT_SINGLE_LEG_REPORT): LegTrial {
  const hold = set.holds.filter((h) => h.side === side || h.side === 'both').sort((a, b) => b.elapsedMs - a.elapsedMs)[0];
  const pelvis = seriesFor(set, PELVIC_SERIES);
  const trunk = seriesFor(set, TRUNK_SERIES);
  const hm = hold?.metrics ?? {};
  const peakDropDeg = metric(hm, /^peak.*(pelvic|drop|obliq)/i) ?? (pelvis ? maxOf(pelvis.values) : null);
  const meanDropDeg = metric(hm, /^mean.*(pelvic|drop|obliq)/i) ?? (pelvis ? meanOf(pelvis.values) : null);
  const peakTrunkLeanDeg = metric(hm, /^peak.*(trunk|lean)/i) ?? (trunk ? maxOf(trunk.values) : null);
  const meanTrunkLeanDeg = metric(hm, /^mean.*(trunk|lean)/i) ?? (trunk ? meanOf(trunk.values) : null);
  const dropCueCount = set.faults.filter((f) => /PELVIC|DROP/i.test(f.code)).reduce((a, f) => a + f.count, 0);
  const trunkCueCount = set.faults.filter((f) => /TRUNK|LEAN/i.test(f.code)).reduce((a, f) => a + f.count, 0);
  const targetMs = hold?.targetMs ?? config.targetMs;
  const holdMs = hold?.elapsedMs ?? 0;
  const drop = dropCueCount > 0 || (meanDropDeg !== null && meanDropDeg >= config.meanDropFlagDeg);
  const lean = trunkCueCount > 0 || (meanTrunkLeanDeg !== null && meanTrunkLeanDeg >= config.meanTrunkLeanFlagDeg);
  const verdict: LegVerdict = peakDropDeg === null && !hold
    ? 'no-data'
    : drop && lean ? 'pelvic-drop-and-trunk-lean' : drop ? 'pelvic-drop' : lean ? 'trunk-lean' : 'level';
  const t0 = pelvis?.tMs[0] ?? 0;
  return {
    side, holdMs, targetMs, reachedTarget: holdMs >= targetMs, endReason: hold?.reason ?? 'none',
    peakDropDeg, meanDropDeg, peakTrunkLeanDeg, meanTrunkLeanDeg, dropCueCount, trunkCueCount, verdict,
    obliquity: pelvis ? { tS: pelvis.tMs.map((t) => (t - t0) / 1000), deg: [...pelvis.values] } : null,
  };
}

/** Build the report from the trials (sets) of one single-leg test session; the latest trial per side wins. */
export function singleLegReport(sets: readonly SetSummary[], config: SingleLegReportConfig = DEFAULT_SINGLE_LEG_REPORT): SingleLegReport {
  const last = (side: Side) => [...sets].reverse().find((s) => s.side === side);
  const l = last('left');
  const r = last('right');
  const left = l ? legTrial(l, 'left', config) : null;
  const right = r ? legTrial(r, 'right', config) : null;
  let comparison: SingleLegReport['comparison'] = null;
  if (left && right) {
    const meanDropDegDiff = left.meanDropDeg !== null && right.meanDropDeg !== null ? right.meanDropDeg - left.meanDropDeg : null;
    // Worse = more pelvic drop; a difference under 3 deg is inside the ~3 deg 2D measurement error (docs/biomechanics.md), so no side is named.
    const worseSide = meanDropDegDiff === null || Math.abs(meanDropDegDiff) < 3 ? null : meanDropDegDiff > 0 ? 'right' : 'left';
    comparison = { holdMsDiff: right.holdMs - left.holdMs, meanDropDegDiff, worseSide };
  }
  return { left, right, comparison };
}
