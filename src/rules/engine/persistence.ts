// Fault persistence with hysteresis, so cues never flicker: a fault is reported only after its condition has held
// continuously for `onsetMs`, and cleared only after the value has been back past a separate, easier clear
// threshold continuously for `clearMs`. Values between the two thresholds keep the current state.
// Time comes from frame timestamps (never a clock). Pure: returns the same object when nothing changed.
// See docs/biomechanics.md#fault-persistence.
import type { KeypointName } from '../../core/pose-frame';
import type { FindingSide, Severity } from './types';

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

// ------------------------------------------------------------------ a checker's set of debounced faults

/** One fault judged on this frame; the set debounces it per `code` + `side`. */
export interface FaultCheck {
  code: string;
  side: FindingSide;
  severity: Severity;
  /** The measured value (also the cue's value). NaN = not measurable now: the tracker resets, no stale cue. */
  value: number;
  /** Fault when the value is past faultAt; clears when back past clearAt (direction from their order). */
  faultAt: number;
  clearAt: number;
  joints: KeypointName[];
  /** false = outside the window where this fault is judged: the signal is 'clear' (a shown cue clears after
   *  faultClearMs). Default true. */
  window?: boolean;
  /** true = no evidence either way on this frame (e.g. the body is turned): the state is kept. */
  hold?: boolean;
}

export type FaultStates = Readonly<Record<string, PersistenceState>>;
export const NO_FAULTS: FaultStates = Object.freeze({});

export const faultKey = (f: { code: string; side: FindingSide }): string => `${f.code}:${f.side}`;

/**
 * Steps every check of this frame. Checks not given (not judged now) and checks with a NaN value are reset: a fault
 * is only ever shown from the frames that judged it. Returns the new states and the active checks, in check order.
 */
export function stepFaults(prev: FaultStates, checks: readonly FaultCheck[], timestampMs: number, timing: PersistenceTiming): { states: FaultStates; active: FaultCheck[] } {
  const states: Record<string, PersistenceState> = {};
  const active: FaultCheck[] = [];
  for (const f of checks) {
    const signal: FaultSignal | null = f.window === false ? 'clear' : f.hold ? 'between'
      : Number.isNaN(f.value) ? null : thresholdSignal(f.value, f.faultAt, f.clearAt);
    if (signal === null) continue;
    const key = faultKey(f);
    const st = stepPersistence(prev[key] ?? INITIAL_PERSISTENCE, signal, timestampMs, timing);
    states[key] = st;
    if (st.active) active.push(f);
  }
  return { states, active };
}
