// Which way round a pair of joints usually sits, as a vote over the frames: MoveNet swaps left and right on a lying
// or all-fours body for 1-5 frames, so one frame must not decide a side (docs/biomechanics.md#lying-exercises).
// Each frame adds its sign (+1 / -1; 0 = no clear order); the vote is clipped to +/-`cap` so it can still follow a
// real change of side within about a second.
import type { Side } from '../../core/pose-frame';

/** Votes kept at most (about 1 s at 30 fps). */
export const SIDE_VOTES = 30;

/** The sign of a left - right vote as a side: > 0 left, < 0 right, 0 (or NaN) none. */
export const signSide = (vote: number): Side | null => (vote > 0 ? 'left' : vote < 0 ? 'right' : null);

export function stepSideVote(vote: number, seen: number, cap = SIDE_VOTES): number {
  return Math.max(-cap, Math.min(cap, vote + Math.sign(seen)));
}
