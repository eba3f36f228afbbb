// A measure's value when standing, for a hip-drop rep exercise (engine/depth-reps.ts; squat knee/ankle ratio,
// docs/biomechanics.md#knee-ankle-separation-ratio): judged against the person's own standing value, since the
// detector reads some measures off already when standing. Learned when the standing height becomes known (or a
// higher one replaces it: a recording that began at the bottom settled there first), as the median on the frames of
// the standing plateau that found it, so a brief stand before the first rep already judges that rep; then followed at
// the top between reps, within the band that defines standing.
import { stepFollowedRef } from './baseline';
import { buffering, type DepthRepState, type DepthStep } from './depth-reps';
import { EMPTY_WINDOW, pushSample, windowMedian, type SampleWindow } from './neutral';

/** How far back the values are kept while the standing height is not known (longer than the plateau needs to settle). */
export const PLATEAU_MEMORY_MS = 2000;

export interface StandingRefState {
  /** The standing value (NaN until known). */
  value: number;
  /** Until the first rep is counted: the value on recent frames (for the standing plateau, once it is found). */
  recent: SampleWindow;
}
export const UNKNOWN_STANDING_REF: StandingRefState = Object.freeze({ value: Number.NaN, recent: EMPTY_WINDOW });

/** `prev`: the depth state before this frame; `d`: this frame's depth step; `bandFrac`: the standing band (anchorBandFrac). */
export function stepStandingRef(s: StandingRefState, prev: DepthRepState, d: DepthStep, v: number, t: number, bandFrac: number): StandingRefState {
  const recent = buffering(d.depth) ? pushSample(s.recent, t, v, PLATEAU_MEMORY_MS) : EMPTY_WINDOW;
  const known = d.depth.anchorHeight !== prev.anchorHeight ? plateauMedian(s.recent, prev, d.depth.anchorHeight, bandFrac) : s.value;
  return { value: stepFollowedRef(known, v, d.state.phase === 'start' && d.drop <= bandFrac), recent };
}

/** The median value on the frames of the standing plateau just found: since it began, within the band of its height. */
function plateauMedian(recent: SampleWindow, prev: DepthRepState, standingHeight: number, bandFrac: number): number {
  const heightAt = new Map((prev.pending ?? []).map(([tMs, h]) => [tMs, h]));
  const since = prev.plateauSinceMs ?? Infinity;
  const onPlateau = recent.filter((x) => x.tMs >= since && (heightAt.get(x.tMs) ?? Number.NaN) >= standingHeight * (1 - bandFrac));
  return onPlateau.length >= 2 ? windowMedian(onPlateau) : Number.NaN;
}
