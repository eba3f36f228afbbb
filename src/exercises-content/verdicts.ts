// Plain-language verdicts for the single-leg stand test. Careful wording: a screening aid, not a diagnosis, and no
// validated camera cut-off exists (docs/biomechanics.md), so each verdict states the measured angles and what they may mean.
import type { LegTrial, LegVerdict, SingleLegReport } from '../coach/single-leg-report';

const deg = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)}°`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const legName = (side: 'left' | 'right') => `${side} leg`;

const HEADLINES: Record<LegVerdict, string> = {
  'no-data': 'Not enough data',
  level: 'Pelvis stayed about level',
  'pelvic-drop': 'The hip of the lifted leg dropped',
  'trunk-lean': 'Trunk leaned over the standing leg',
  'pelvic-drop-and-trunk-lean': 'Hip dropped and trunk leaned',
};

/** The verdict in a few words (the report's table). */
export const verdictHeadline = (v: LegVerdict): string => HEADLINES[v];

export function legVerdict(t: LegTrial): { headline: string; detail: string; icon: string } {
  const held = t.reachedTarget
    ? `You held ${secs(t.holdMs)}, the full target.`
    : `The foot went down after ${secs(t.holdMs)} of ${secs(t.targetMs)}.`;
  switch (t.verdict) {
    case 'no-data':
      return { icon: '?', headline: HEADLINES['no-data'], detail: 'The camera could not follow both hips during this trial. Check the framing and try again.' };
    case 'level':
      return { icon: '✓', headline: HEADLINES.level, detail: `${held} Peak drop ${deg(t.peakDropDeg)}, mean ${deg(t.meanDropDeg)}.` };
    case 'pelvic-drop':
      return { icon: '⚠', headline: HEADLINES['pelvic-drop'], detail: `${held} Peak drop ${deg(t.peakDropDeg)}, mean ${deg(t.meanDropDeg)}. This can mean the side hip muscles of the standing ${legName(t.side)} were struggling to keep the pelvis level.` };
    case 'trunk-lean':
      return { icon: '⚠', headline: HEADLINES['trunk-lean'], detail: `${held} Mean lean ${deg(t.meanTrunkLeanDeg)}. Leaning can hide a pelvic drop: it shifts the load so the hip has less to do.` };
    case 'pelvic-drop-and-trunk-lean':
      return { icon: '⚠', headline: HEADLINES['pelvic-drop-and-trunk-lean'], detail: `${held} Peak drop ${deg(t.peakDropDeg)}, mean ${deg(t.meanDropDeg)}, mean lean ${deg(t.meanTrunkLeanDeg)}.` };
  }
}

export function comparisonWords(r: SingleLegReport): string | null {
  const c = r.comparison;
  if (!c) return null;
  const hold = Math.abs(c.holdMsDiff) < 1000 ? 'Hold times were similar.' : `You held ${secs(Math.abs(c.holdMsDiff))} longer on the ${c.holdMsDiff > 0 ? 'right' : 'left'} leg.`;
  const drop = c.worseSide
    ? `The pelvis dropped more while standing on the ${c.worseSide} leg (mean difference ${Math.abs(c.meanDropDegDiff ?? 0).toFixed(1)}°).`
    : 'The difference in pelvic drop between sides is within what the camera can measure (about 3°).';
  return `${hold} ${drop}`;
}

export const SCREENING_NOTE =
  'This is a screening aid, not a diagnosis. A webcam sees hip joint centres, not the pelvic bones, and no validated camera ' +
  'cut-off for a "positive" test exists; the flag uses the app\'s configurable default. If you have pain, or a drop shows up ' +
  'again and again, ask a physiotherapist or doctor to assess it.';
