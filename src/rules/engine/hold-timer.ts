// Hold timer that counts only while the posture is correct (docs/biomechanics.md#hold-timing: time the hold only
// while the posture is correct). Short lapses (up to `graceMs`) pause the clock without ending the hold; a longer lapse ends it with
// 'posture-lost'. Reaching `targetMs` ends it with 'target'. The exercise may end it for its own reason
// (e.g. 'foot-down') with `endHold`. Frame gaps longer than `maxFrameGapMs` add at most that much, so a stalled
// camera cannot add time.

import { stepStartWait } from './start';
import type { HoldEndReason } from './types';
export type { HoldEndReason };

export interface HoldTimerConfig {
  targetMs: number;
  /** Lapse (posture wrong or not visible) tolerated without ending the hold. */
  graceMs: number;
  /** Posture must be correct this long before the hold starts (counted into the hold). */
  startMs: number;
  maxFrameGapMs: number;
  /**
   * A lapse made only of UNKNOWN frames (posture not measurable, e.g. a joint lost for a few frames) that ends with
   * correct posture within this many ms is bridged: its time counts. 0 (default) = never bridge.
   */
  bridgeUnknownMs?: number;
}

export type HoldStatus = 'waiting' | 'running' | 'lapsed' | 'ended';

export interface HoldTimerState {
  status: HoldStatus;
  elapsedMs: number;
  lastMs: number | null;
  okSinceMs: number | null;
  lapseSinceMs: number | null;
  startedAtMs: number | null;
  endReason: HoldEndReason | null;
  /** Last frame with correct posture while running. */
  lastOkMs: number | null;
  /** The current lapse has seen only unknown (null) frames so far. */
  lapseUnknown: boolean;
}

export const INITIAL_HOLD: HoldTimerState = Object.freeze({
  status: 'waiting', elapsedMs: 0, lastMs: null, okSinceMs: null, lapseSinceMs: null, startedAtMs: null,
  endReason: null, lastOkMs: null, lapseUnknown: false,
}) as HoldTimerState;

export type HoldEvent =
  | { type: 'start'; timestampMs: number }
  | { type: 'end'; reason: HoldEndReason; elapsedMs: number; timestampMs: number };

export interface HoldStep { state: HoldTimerState; event: HoldEvent | null }

/**
 * @param postureOk true = correct, false = wrong, null = unknown on this frame (not visible). Unknown counts as a
 *   lapse (no time added, grace applies) unless it is bridged (see `bridgeUnknownMs`).
 */
export function stepHold(s: HoldTimerState, postureOk: boolean | null, timestampMs: number, cfg: HoldTimerConfig): HoldStep {
  const t = timestampMs;
  switch (s.status) {
    case 'ended':
      return { state: s, event: null };
    case 'waiting': {
      // The start rule (engine/start.ts): correct posture for `startMs`, counted into the hold. Unknown frames within
      // `bridgeUnknownMs` of the last correct one keep the wait (a joint lost for a frame must not delay the start).
      const w = stepStartWait(s.okSinceMs, postureOk, t, s.lastOkMs, { setupMs: cfg.startMs, bridgeMs: cfg.bridgeUnknownMs ?? 0 });
      if (!w.done) {
        const lastOkMs = postureOk === true ? t : w.sinceMs === null ? null : s.lastOkMs;
        return { state: w.sinceMs === s.okSinceMs && lastOkMs === s.lastOkMs ? s : { ...s, okSinceMs: w.sinceMs, lastOkMs }, event: null };
      }
      const since = w.sinceMs!;
      const elapsedMs = Math.min(t - since, cfg.targetMs);
      const started: HoldTimerState = { ...s, status: 'running', okSinceMs: since, startedAtMs: since, elapsedMs, lastMs: t, lastOkMs: t };
      if (elapsedMs >= cfg.targetMs) return end(started, 'target', t);
      return { state: started, event: { type: 'start', timestampMs: since } };
    }
    case 'running': {
      if (!postureOk) {
        return { state: { ...s, status: 'lapsed', lapseSinceMs: t, lastMs: t, lapseUnknown: postureOk === null }, event: null };
      }
      const dt = Math.min(Math.max(0, t - (s.lastMs ?? t)), cfg.maxFrameGapMs);
      const elapsedMs = Math.min(s.elapsedMs + dt, cfg.targetMs);
      const next: HoldTimerState = { ...s, elapsedMs, lastMs: t, lastOkMs: t };
      return elapsedMs >= cfg.targetMs ? end(next, 'target', t) : { state: next, event: null };
    }
    case 'lapsed': {
      // Time inside the lapse is not counted, whether or not the lapse ends within the grace period; except a short
      // lapse of unknown frames only, which is bridged (the posture was correct before and after it).
      if (postureOk) {
        const gap = t - (s.lastOkMs ?? t);
        const bridged = s.lapseUnknown && gap <= (cfg.bridgeUnknownMs ?? 0);
        const elapsedMs = bridged ? Math.min(s.elapsedMs + gap, cfg.targetMs) : s.elapsedMs;
        const next: HoldTimerState = { ...s, status: 'running', lapseSinceMs: null, lastMs: t, lastOkMs: t, lapseUnknown: false, elapsedMs };
        return elapsedMs >= cfg.targetMs ? end(next, 'target', t) : { state: next, event: null };
      }
      if (t - (s.lapseSinceMs ?? t) > cfg.graceMs) return end(s, 'posture-lost', t);
      return { state: { ...s, lastMs: t, lapseUnknown: s.lapseUnknown && postureOk === null }, event: null };
    }
  }
}

/** End a waiting/running/lapsed hold for an exercise-specific reason (e.g. 'foot-down'). */
export function endHold(s: HoldTimerState, reason: HoldEndReason, timestampMs: number): HoldStep {
  if (s.status === 'ended' || s.status === 'waiting') return { state: s, event: null };
  return end(s, reason, timestampMs);
}

function end(s: HoldTimerState, reason: HoldEndReason, t: number): HoldStep {
  return {
    state: { ...s, status: 'ended', endReason: reason, lastMs: t, lapseSinceMs: null },
    event: { type: 'end', reason, elapsedMs: s.elapsedMs, timestampMs: t },
  };
}

