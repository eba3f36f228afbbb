// Rep counter on one scalar metric (e.g. knee angle, hip drop, leg abduction angle) with hysteresis and minimum
// phase durations (docs/biomechanics.md#rep-counting: hysteresis, a minimum time in each state, no reps while getting
// into position).
//
//  - Two thresholds: the START zone (e.g. knee angle >= 155 deg, standing) and the TARGET zone (e.g. <= 100 deg,
//    bottom). Direction is inferred from which threshold is larger. The band between them is hysteresis: noise near
//    either threshold cannot count a rep.
//  - The start rule (docs/biomechanics.md#start-rule): counting begins on the first measured frame, wherever the
//    movement is. In the start zone the counter waits for the next rep; past it, the recording began mid-rep and that
//    rep counts once the target is held and the start zone regained (its start was not seen, so `minRepMs` does not
//    apply to it). Live, "no reps while getting into position" is the session's set-up gate. An optional `setupMs`
//    > 0 instead waits for the start zone held that long while the caller says the body is stable (engine/start.ts).
//  - A rep = start zone -> target zone held >= `minTargetMs` -> back to start zone, total >= `minRepMs`.
//    Time in the target zone is measured from the first frame in it to the first frame out of it, so one frame at
//    the bottom at 5 fps (200 ms) counts but a one-frame spike at 30 fps (33 ms) does not.
//  - Leaving the start zone and returning without reaching the target gives a 'partial' event (shallow rep).
//  - `null` = metric not measurable on this frame (joints not visible): nothing advances; if no value has been seen
//    for `maxGapMs`, the rep in progress is dropped and setup starts again (no reps bridged over stale angles).
import { stepStartWait, type StartWaitConfig } from './start';

export interface RepCounterConfig {
  startThreshold: number;
  targetThreshold: number;
  /** 0 / omitted: count from the first measured frame (any start). > 0: hold the start zone this long first (ms). */
  setupMs?: number;
  minTargetMs: number;
  minRepMs: number;
  maxGapMs: number;
  /**
   * In setup, unknown (null) frames for up to this long (ms since the last value) do not restart the stable-start
   * timer (a joint lost for a few frames). 0 / omitted = any unknown frame restarts it.
   */
  setupBridgeMs?: number;
}

export type RepPhase = 'setup' | 'start' | 'moving' | 'target';

export interface RepCounterState {
  phase: RepPhase;
  count: number;
  /** setup: first frame of the current stable run in the start zone. */
  setupSinceMs: number | null;
  /** Last frame in the start zone before the current rep (rep start time). */
  repStartMs: number | null;
  targetEnterMs: number | null;
  targetReached: boolean;
  /** Last frame with a measurable value. */
  lastValueMs: number | null;
  /** The rep in progress began before the first frame (the recording started mid-rep): its start was not seen. */
  openStart: boolean;
}

export const INITIAL_REP_COUNTER: RepCounterState = Object.freeze({
  phase: 'setup', count: 0, setupSinceMs: null, repStartMs: null, targetEnterMs: null, targetReached: false,
  lastValueMs: null, openStart: false,
}) as RepCounterState;

export type RepEvent =
  | { type: 'setup-done'; timestampMs: number }
  | { type: 'rep-start'; startMs: number }
  | { type: 'target-reached'; timestampMs: number }
  | { type: 'rep'; index: number; startMs: number; endMs: number; durationMs: number }
  /** Returned to the start zone without holding the target zone: a shallow / aborted rep. */
  | { type: 'partial'; startMs: number; endMs: number }
  /** The rep in progress was dropped (too fast, or the metric was lost for longer than maxGapMs). */
  | { type: 'aborted'; reason: 'too-fast' | 'lost' ; timestampMs: number };

export interface RepStep { state: RepCounterState; event: RepEvent | null }

const startCfg = (cfg: RepCounterConfig): StartWaitConfig => ({ setupMs: cfg.setupMs ?? 0, bridgeMs: cfg.setupBridgeMs });

export function inStartZone(value: number, cfg: Pick<RepCounterConfig, 'startThreshold' | 'targetThreshold'>): boolean {
  return cfg.targetThreshold >= cfg.startThreshold ? value <= cfg.startThreshold : value >= cfg.startThreshold;
}
export function inTargetZone(value: number, cfg: Pick<RepCounterConfig, 'startThreshold' | 'targetThreshold'>): boolean {
  return cfg.targetThreshold >= cfg.startThreshold ? value >= cfg.targetThreshold : value <= cfg.targetThreshold;
}

/**
 * @param value metric on this frame, or null when it cannot be measured (not visible).
 * @param stable caller's judgement that the body is still (used only in setup), default true.
 */
export function stepRepCounter(
  s: RepCounterState,
  value: number | null,
  timestampMs: number,
  cfg: RepCounterConfig,
  stable = true,
): RepStep {
  const t = timestampMs;
  if (value === null || Number.isNaN(value)) {
    if (s.phase !== 'setup' && s.lastValueMs !== null && t - s.lastValueMs > cfg.maxGapMs) {
      const wasInRep = s.phase === 'moving' || s.phase === 'target';
      return {
        state: { ...INITIAL_REP_COUNTER, count: s.count },
        event: wasInRep ? { type: 'aborted', reason: 'lost', timestampMs: t } : null,
      };
    }
    if (s.phase === 'setup') {
      const w = stepStartWait(s.setupSinceMs, null, t, s.lastValueMs, startCfg(cfg));
      return { state: w.sinceMs === s.setupSinceMs ? s : { ...s, setupSinceMs: w.sinceMs }, event: null };
    }
    return { state: s, event: null };
  }
  const inStart = inStartZone(value, cfg);
  const inTarget = inTargetZone(value, cfg);
  const seen = { ...s, lastValueMs: t };

  switch (s.phase) {
    case 'setup': {
      if (!(cfg.setupMs! > 0)) {
        // Any start: begin where the movement is (a recording may start mid-rep or at the target; a target zone on the
        // first frame was held before it, unseen, so it counts as reached).
        if (inStart) return { state: { ...seen, phase: 'start', setupSinceMs: null }, event: { type: 'setup-done', timestampMs: t } };
        return {
          state: { ...seen, phase: inTarget ? 'target' : 'moving', setupSinceMs: null, repStartMs: t, targetEnterMs: inTarget ? t : null, targetReached: inTarget, openStart: true },
          event: { type: 'rep-start', startMs: t },
        };
      }
      const w = stepStartWait(s.setupSinceMs, inStart && stable, t, s.lastValueMs, startCfg(cfg));
      if (w.done) return { state: { ...seen, phase: 'start', setupSinceMs: null }, event: { type: 'setup-done', timestampMs: t } };
      return { state: { ...seen, setupSinceMs: w.sinceMs }, event: null };
    }
    case 'start': {
      if (inStart) return { state: seen, event: null };
      const startMs = s.lastValueMs ?? t;
      const next: RepCounterState = { ...seen, phase: inTarget ? 'target' : 'moving', repStartMs: startMs,
        targetEnterMs: inTarget ? t : null, targetReached: false, openStart: false };
      return { state: next, event: { type: 'rep-start', startMs } };
    }
    case 'moving': {
      if (inTarget) return { state: { ...seen, phase: 'target', targetEnterMs: t }, event: null };
      if (!inStart) return { state: seen, event: null };
      return finish(seen, t, cfg);
    }
    case 'target': {
      const enter = s.targetEnterMs ?? t;
      const heldEnough = t - enter >= cfg.minTargetMs;
      if (inTarget) {
        if (heldEnough && !s.targetReached) {
          return { state: { ...seen, targetReached: true }, event: { type: 'target-reached', timestampMs: t } };
        }
        return { state: seen, event: null };
      }
      const reached = s.targetReached || heldEnough;
      const left: RepCounterState = { ...seen, phase: 'moving', targetEnterMs: null, targetReached: reached };
      if (inStart) return finish(left, t, cfg);
      if (reached && !s.targetReached) return { state: left, event: { type: 'target-reached', timestampMs: t } };
      return { state: left, event: null };
    }
  }
}

/** Back in the start zone: count the rep, or report a partial / too-fast one. */
function finish(s: RepCounterState, t: number, cfg: RepCounterConfig): RepStep {
  const startMs = s.repStartMs ?? t;
  const back: RepCounterState = { ...s, phase: 'start', repStartMs: null, targetEnterMs: null, targetReached: false, openStart: false };
  if (!s.targetReached) return { state: back, event: { type: 'partial', startMs, endMs: t } };
  if (!s.openStart && t - startMs < cfg.minRepMs) return { state: back, event: { type: 'aborted', reason: 'too-fast', timestampMs: t } };
  const index = s.count + 1;
  return { state: { ...back, count: index }, event: { type: 'rep', index, startMs, endMs: t, durationMs: t - startMs } };
}
