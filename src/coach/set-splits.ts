// Several sets in one recorded file: where the app proposes that a new set starts, from the PoseFrames alone. The
// exercise's own rule runs over the whole file (its side left to the rule, 'auto' where it has one), and its reps and
// finished holds are the person's activity. A new set is proposed
// - in a pause: no rep and no hold for at least `minPauseMs` between two of them (the person stopped), or
// - at a change of working side that lasts: the stance leg of the single-leg stand test (one trial per leg, the foot
//   put down in between), or reps on one side followed by reps on the other. Alternating legs (a lunge left, right,
//   left) is one set, so a side counts as changed only after `minRunForSideChange` reps on each side (one hold).
// Each proposed set also gets the side the rule saw in it. The user can accept, move or remove any split.
// Pure: no clock, no DOM.
import type { PoseFrame, Side } from '../core/pose-frame';
import { resolveConfig, runExercise } from '../rules/engine/run';
import type { ExerciseDefinition, FindingSide } from '../rules/engine/types';
import { setOverrides } from '../rules/registry';
import type { RecordingSegment } from './recording';

export interface SplitConfig {
  /** A gap this long (ms) with no rep and no hold between two of them proposes a new set. Ours: 5 s is longer than
   * the pause at the top of a slow rep (~1-2 s) or between holds of one set, shorter than a rest between sets. */
  minPauseMs: number;
  /** Reps needed on each side of a side change to propose a split there (a hold counts as a whole run). Ours: 2, so
   * alternating legs (L, R, L, R) stay one set. */
  minRunForSideChange: number;
}
export const DEFAULT_SPLIT_CONFIG: SplitConfig = { minPauseMs: 5000, minRunForSideChange: 2 };

/** One rep or one finished hold, as the rule reported it. */
export interface Activity { kind: 'rep' | 'hold'; side: FindingSide; startMs: number; endMs: number }

export interface ProposedSplit { atMs: number; reason: 'pause' | 'side-change' }

export interface SplitProposal {
  activities: Activity[];
  splits: ProposedSplit[];
  /** One per set (the file's start, then each split), with the side the rule saw in it. */
  segments: RecordingSegment[];
}

/** The rule's reps and holds over the whole file (side left to the rule), a hold still timed at its end included. */
export function activitiesOf(exercise: ExerciseDefinition, frames: readonly PoseFrame[]): Activity[] {
  const config = resolveConfig(exercise, setOverrides(exercise, null, null));
  const out: Activity[] = [];
  // The hold being timed per side; a status on the frame of a side's hold-end belongs to the hold that ended.
  const timed = new Map<FindingSide, Activity>(), endedAtMs = new Map<FindingSide, number>();
  for (const f of runExercise(exercise, frames, config).findings) {
    if (f.kind === 'rep') out.push({ kind: 'rep', side: f.side, startMs: f.timestampMs - f.durationMs, endMs: f.timestampMs });
    else if (f.kind === 'hold-end') {
      out.push({ kind: 'hold', side: f.side, startMs: f.timestampMs - f.elapsedMs, endMs: f.timestampMs });
      timed.delete(f.side);
      endedAtMs.set(f.side, f.timestampMs);
    } else if (f.kind === 'hold' && f.elapsedMs > 0 && f.timestampMs > (endedAtMs.get(f.side) ?? -Infinity)) {
      timed.set(f.side, { kind: 'hold', side: f.side, startMs: f.timestampMs - f.elapsedMs, endMs: f.timestampMs });
    }
  }
  return [...out, ...timed.values()].sort((a, b) => a.startMs - b.startMs);
}

const isSide = (s: FindingSide): s is Side => s === 'left' || s === 'right';

/** Length of the run of same-side activities ending at `i` (going back) or starting at `i` (going on). */
function runLength(acts: readonly Activity[], i: number, dir: -1 | 1): number {
  const side = acts[i]!.side;
  let n = 0;
  for (let j = i; j >= 0 && j < acts.length && acts[j]!.side === side; j += dir) n += acts[j]!.kind === 'hold' ? Infinity : 1;
  return n;
}

/** The side most of `acts` were done on, or null (none sided, or a tie). */
export function majoritySide(acts: readonly Activity[]): Side | null {
  let left = 0, right = 0;
  for (const a of acts) { if (a.side === 'left') left++; else if (a.side === 'right') right++; }
  return left > right ? 'left' : right > left ? 'right' : null;
}

/** Splits from the activities (see the file comment), and a side per resulting set. */
export function splitsFromActivities(acts: readonly Activity[], firstMs: number, config: SplitConfig = DEFAULT_SPLIT_CONFIG): SplitProposal {
  const splits: ProposedSplit[] = [];
  for (let i = 1; i < acts.length; i++) {
    const a = acts[i - 1]!, b = acts[i]!;
    const gap = b.startMs - a.endMs;
    const atMs = a.endMs + Math.max(0, gap) / 2;
    if (gap >= config.minPauseMs) splits.push({ atMs, reason: 'pause' });
    else if (isSide(a.side) && isSide(b.side) && a.side !== b.side
      && runLength(acts, i - 1, -1) >= config.minRunForSideChange && runLength(acts, i, 1) >= config.minRunForSideChange) {
      splits.push({ atMs, reason: 'side-change' });
    }
  }
  const starts = [firstMs, ...splits.map((s) => s.atMs)];
  const segments = starts.map((startMs, k) => {
    const endMs = starts[k + 1] ?? Infinity;
    return { startMs, side: majoritySide(acts.filter((a) => a.startMs >= startMs && a.startMs < endMs)) };
  });
  return { activities: [...acts], splits, segments };
}

/** Proposed sets of a recorded file: run the rule over it, then split (see the file comment). */
export function proposeSplits(exercise: ExerciseDefinition, frames: readonly PoseFrame[], config: SplitConfig = DEFAULT_SPLIT_CONFIG): SplitProposal {
  return splitsFromActivities(activitiesOf(exercise, frames), frames[0]?.timestampMs ?? 0, config);
}
