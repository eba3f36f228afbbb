// How counting starts: a pluggable step of the session reducer (coach-session.ts).
// - `setupGate(config)`, live: the body must be judged (no `visibility` finding from the rule: whole body in frame,
//   facing the right way) for `stableMs`, then a countdown runs; only then are reps and cues recorded. A short
//   dropout (a joint lost for up to `dropoutHoldMs`, as the rules bridge it) keeps the gate where it is, so one lost
//   frame never sends the countdown back; a longer loss, or a wrong view, goes back to waiting.
// - `startAtOnce`, a recorded file: counting from the first frame, no set-up and no countdown.
// Pure: time is the frame's timestamp.
import type { Finding } from '../rules/engine/types';
import type { VisibilityFinding } from './live-set';

export interface SetupGateConfig {
  /** How long the body must be judged before "Ready" shows. Our default 700 ms: longer than the rules' 500 ms
   * view-check debounce (rules/engine/config.ts viewPersistMs), so a wrong view is reported before we say ready. */
  readyAfterMs: number;
  /** How long the body must stay fully judged before the countdown starts. Our default: 1.5 s, long enough to
   * ignore a few good frames while someone walks into place, short enough not to feel slow. */
  stableMs: number;
  /** Countdown length. Our default: 3 s, short enough not to keep a ready person waiting. */
  countdownMs: number;
  /** Joints lost (NOT_VISIBLE, NO_PERSON) for up to this long (ms) since the last judged frame are a dropout, not a
   * change: the gate keeps its state and its clocks run on. Default: the rules' own `dropoutHoldMs` (400 ms). */
  dropoutHoldMs: number;
}
export const DEFAULT_SETUP_GATE: SetupGateConfig = { readyAfterMs: 700, stableMs: 1500, countdownMs: 3000, dropoutHoldMs: 400 };

export type SetupGate =
  /** `visibleSinceMs`: judged without a problem since then (not yet long enough to say ready), else null. */
  | { status: 'waiting'; reason: VisibilityFinding['code'] | null; missing: VisibilityFinding['missing']; visibleSinceMs: number | null; lastJudgedMs: number | null }
  | { status: 'ready'; sinceMs: number; lastJudgedMs: number }
  | { status: 'countdown'; startMs: number; remainingMs: number; lastJudgedMs: number }
  /** `sinceMs`: the frame counting began on; null = from the first frame (no set-up gate). */
  | { status: 'counting'; sinceMs: number | null };

/** A start step: where a set begins, and how each frame's findings move it on until counting. */
export interface StartStep {
  initial(): SetupGate;
  step(gate: SetupGate, findings: readonly Finding[], timestampMs: number): SetupGate;
}

export const initialSetupGate = (): SetupGate => ({ status: 'waiting', reason: null, missing: [], visibleSinceMs: null, lastJudgedMs: null });

/** The live set-up gate: waiting -> ready -> countdown -> counting. */
export const setupGate = (config: SetupGateConfig = DEFAULT_SETUP_GATE): StartStep => ({
  initial: initialSetupGate,
  step: (gate, findings, t) => stepSetupGate(gate, findings, t, config),
});

/** No set-up: a recording is analysed from its first frame to its last. */
export const startAtOnce: StartStep = {
  initial: () => ({ status: 'counting', sinceMs: null }),
  step: (gate) => gate,
};

export function stepSetupGate(
  gate: SetupGate,
  findings: readonly Finding[],
  timestampMs: number,
  config: SetupGateConfig = DEFAULT_SETUP_GATE,
): SetupGate {
  if (gate.status === 'counting') return gate;
  const vis = findings.find((f): f is VisibilityFinding => f.kind === 'visibility');
  // A wrong view is already debounced by the rule: it is never a dropout.
  const dropout = vis !== undefined && vis.code !== 'WRONG_VIEW' && gate.lastJudgedMs !== null
    && timestampMs - gate.lastJudgedMs <= config.dropoutHoldMs;
  if (vis && !dropout) return { status: 'waiting', reason: vis.code, missing: vis.missing, visibleSinceMs: null, lastJudgedMs: null };
  const judgedMs = vis ? gate.lastJudgedMs! : timestampMs;
  switch (gate.status) {
    case 'waiting': {
      const since = gate.visibleSinceMs ?? timestampMs;
      if (timestampMs - since >= config.stableMs) return startCountdown(timestampMs, judgedMs, config);
      if (timestampMs - since >= config.readyAfterMs) return { status: 'ready', sinceMs: since, lastJudgedMs: judgedMs };
      return { ...gate, visibleSinceMs: since, lastJudgedMs: judgedMs };
    }
    case 'ready':
      return timestampMs - gate.sinceMs >= config.stableMs
        ? startCountdown(timestampMs, judgedMs, config)
        : { ...gate, lastJudgedMs: judgedMs };
    case 'countdown': {
      const remainingMs = config.countdownMs - (timestampMs - gate.startMs);
      return remainingMs <= 0
        ? { status: 'counting', sinceMs: timestampMs }
        : { status: 'countdown', startMs: gate.startMs, remainingMs, lastJudgedMs: judgedMs };
    }
  }
}

function startCountdown(t: number, judgedMs: number, config: SetupGateConfig): SetupGate {
  return config.countdownMs <= 0
    ? { status: 'counting', sinceMs: t }
    : { status: 'countdown', startMs: t, remainingMs: config.countdownMs, lastJudgedMs: judgedMs };
}

/** Whole seconds left to show (3, 2, 1). */
export const countdownSeconds = (gate: SetupGate): number | null =>
  gate.status === 'countdown' ? Math.max(1, Math.ceil(gate.remainingMs / 1000)) : null;
