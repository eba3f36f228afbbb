// Fault persistence with hysteresis, so cues never flicker: a fault is reported only after its condition has held
// continuously for `onsetMs`, and cleared only after the value has been back past a separate, easier clear
// threshold continuously for `clearMs`. Values between the two thresholds keep the current state.
// Time comes from frame timestamps (never a clock). Pure: returns the same object when nothing changed.

export interface PersistenceState {
  active: boolean;
  /** First frame of the current unbroken run of 'fault' signals while inactive. */
  onsetStartMs: number | null;
  /** First frame of the current unbroken run of 'clear' signals while active. */
  clearStartMs: number | null;
  /** When the fault became active (for 'how long has the cue been shown'). */
  activeSinceMs: number | null;
}

export const INITIAL_PERSISTENCE: PersistenceState = Object.freeze({
  active: false, onsetStartMs: null, clearStartMs: null, activeSinceMs: null,
}) as PersistenceState;

export interface PersistenceTiming { onsetMs: number; clearMs: number }

/** 'fault' = past the fault threshold; 'clear' = past the clear threshold; 'between' = in the hysteresis band. */
export type FaultSignal = 'fault' | 'clear' | 'between';

/**
 * Threshold a value with hysteresis. Direction is inferred: if faultAt >= clearAt, larger is worse
 * (fault when value >= faultAt, clear when value < clearAt); otherwise smaller is worse (fault when value <= faultAt,
 * clear when value > clearAt). NaN gives 'between' (no evidence either way).
 */
export function thresholdSignal(value: number, faultAt: number, clearAt: number): FaultSignal {
  if (Number.isNaN(value)) return 'between';
  if (faultAt >= clearAt) return value >= faultAt ? 'fault' : value < clearAt ? 'clear' : 'between';
  return value <= faultAt ? 'fault' : value > clearAt ? 'clear' : 'between';
}

export function stepPersistence(
  s: PersistenceState,
  signal: FaultSignal,
  timestampMs: number,
  timing: PersistenceTiming,
): PersistenceState {
  if (!s.active) {
    if (signal !== 'fault') return s.onsetStartMs === null ? s : { ...s, onsetStartMs: null };
    const start = s.onsetStartMs ?? timestampMs;
    if (timestampMs - start >= timing.onsetMs) {
      return { active: true, onsetStartMs: null, clearStartMs: null, activeSinceMs: timestampMs };
    }
    return start === s.onsetStartMs ? s : { ...s, onsetStartMs: start };
  }
  if (signal !== 'clear') return s.clearStartMs === null ? s : { ...s, clearStartMs: null };
  const start = s.clearStartMs ?? timestampMs;
  if (timestampMs - start >= timing.clearMs) return INITIAL_PERSISTENCE;
  return start === s.clearStartMs ? s : { ...s, clearStartMs: start };
}

/** Convenience: threshold + persistence in one call. */
export function stepThresholdFault(
  s: PersistenceState,
  value: number,
  faultAt: number,
  clearAt: number,
  timestampMs: number,
  timing: PersistenceTiming,
): PersistenceState {
  return stepPersistence(s, thresholdSignal(value, faultAt, clearAt), timestampMs, timing);
}
