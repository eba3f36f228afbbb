// Person-switch guard. Single-person pose models sometimes jump to a bystander (or a reflection) for a few frames.
// A body centre (mid-shoulder/mid-hip) that moves faster than a person can between two frames is treated as "not
// our person": the frame is not judged (NO_PERSON). If the pose stays at the new place for `reacquireMs` it is
// accepted as the person (they really moved, or the other person is now the user) and tracking restarts there.
// Limit: jump > maxJumpTorso + maxSpeedTorsoPerS x dt, in torso lengths of the last accepted frame. Our defaults:
// 0.5 torso + 4 torso/s (a torso is ~0.5 m, so ~2 m/s of body-centre speed; squats and lunges move the hips at
// < 1 m/s), i.e. ~0.63 torso between 30 fps frames and 1.3 between 5 fps frames. A jump to a bystander is usually
// several torso lengths.
import type { Point } from '../../core/geometry';

export interface IdentityConfig { maxJumpTorso: number; maxSpeedTorsoPerS: number; reacquireMs: number }

export interface IdentityState {
  /** Last accepted body centre (px) and torso length (px). */
  readonly x: number; readonly y: number; readonly torsoPx: number; readonly lastMs: number | null;
  /** A rejected position that has persisted since `candSinceMs` (re-acquisition candidate). */
  readonly candX: number; readonly candY: number; readonly candSinceMs: number | null;
}

export const INITIAL_IDENTITY: IdentityState = Object.freeze({
  x: Number.NaN, y: Number.NaN, torsoPx: Number.NaN, lastMs: null, candX: Number.NaN, candY: Number.NaN, candSinceMs: null,
});

export interface IdentityStep { state: IdentityState; ok: boolean }

const accept = (c: Point, torsoPx: number, t: number): IdentityStep =>
  ({ state: { x: c.x, y: c.y, torsoPx, lastMs: t, candX: Number.NaN, candY: Number.NaN, candSinceMs: null }, ok: true });

/** `centre` and `torsoPx` of this frame (px). Frames without a measurable torso should not be passed in. */
export function stepIdentity(s: IdentityState, centre: Point, torsoPx: number, timestampMs: number, cfg: IdentityConfig): IdentityStep {
  const t = timestampMs;
  if (s.lastMs === null || !(s.torsoPx > 0)) return accept(centre, torsoPx, t);
  const dt = Math.max(0, t - s.lastMs) / 1000;
  const limitPx = (cfg.maxJumpTorso + cfg.maxSpeedTorsoPerS * dt) * s.torsoPx;
  if (Math.hypot(centre.x - s.x, centre.y - s.y) <= limitPx) return accept(centre, torsoPx, t);
  // Too far from our person. Is it staying there (re-acquire) or a passing jump?
  const candLimit = (cfg.maxJumpTorso + cfg.maxSpeedTorsoPerS * 0.2) * torsoPx;
  const sameCand = s.candSinceMs !== null && Math.hypot(centre.x - s.candX, centre.y - s.candY) <= candLimit;
  const since = sameCand ? s.candSinceMs! : t;
  if (t - since >= cfg.reacquireMs) return accept(centre, torsoPx, t);
  return { state: { ...s, candX: centre.x, candY: centre.y, candSinceMs: since }, ok: false };
}
