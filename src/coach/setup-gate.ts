// Set-up before counting: the body must be judged visible (no `visibility` finding from the rule: whole body in
// frame, facing the right way) for `stableMs`, then a countdown runs; only then are reps and cues recorded.
// Pure: time is the frame's timestamp. Losing the body during the countdown goes back to waiting.
import type { Finding } from '../rules/engine/types';
import type { VisibilityFinding } from './live-set';

export interface SetupGateConfig {
  /** How long the body must be judged before "Ready" shows. Our default 700 ms: longer than the rules' 500 ms
   * view-check debounce (rules/engine/config.ts viewPersistMs), so a wrong view is reported before we say ready. */
  readyAfterMs: number;
  /** How long the body must stay fully judged before the countdown starts. Our default: 1.5 s, long enough to
   * ignore a few good frames while someone walks into place, short enough not to feel slow. */
  stableMs: number;
  /** Countdown length; the issue asks for a short one (3 s). */
  countdownMs: number;
}
export const DEFAULT_SETUP_GATE: SetupGateConfig = { readyAfterMs: 700, stableMs: 1500, countdownMs: 3000 };

export type SetupGate =
  /** `visibleSinceMs`: judged without a problem since then (not yet long enough to say ready), else null. */
  | { status: 'waiting'; reason: VisibilityFinding['code'] | null; missing: VisibilityFinding['missing']; visibleSinceMs: number | null }
  | { status: 'ready'; sinceMs: number }
  | { status: 'countdown'; startMs: number; remainingMs: number }
  | { status: 'counting'; sinceMs: number };

export const initialSetupGate = (): SetupGate => ({ status: 'waiting', reason: null, missing: [], visibleSinceMs: null });

export function stepSetupGate(
  gate: SetupGate,
  findings: readonly Finding[],
  timestampMs: number,
  config: SetupGateConfig = DEFAULT_SETUP_GATE,
): SetupGate {
  if (gate.status === 'counting') return gate;
  const vis = findings.find((f): f is VisibilityFinding => f.kind === 'visibility');
  if (vis) return { status: 'waiting', reason: vis.code, missing: vis.missing, visibleSinceMs: null };
  switch (gate.status) {
    case 'waiting': {
      const since = gate.visibleSinceMs ?? timestampMs;
      if (timestampMs - since >= config.stableMs) return startCountdown(timestampMs, config);
      if (timestampMs - since >= config.readyAfterMs) return { status: 'ready', sinceMs: since };
      return { ...gate, visibleSinceMs: since };
    }
    case 'ready':
      return timestampMs - gate.sinceMs >= config.stableMs ? startCountdown(timestampMs, config) : gate;
    case 'countdown': {
      const remainingMs = config.countdownMs - (timestampMs - gate.startMs);
      return remainingMs <= 0
        ? { status: 'counting', sinceMs: timestampMs }
        : { status: 'countdown', startMs: gate.startMs, remainingMs };
    }
  }
}

function startCountdown(t: number, config: SetupGateConfig): SetupGate {
  return config.countdownMs <= 0
    ? { status: 'counting', sinceMs: t }
    : { status: 'countdown', startMs: t, remainingMs: config.countdownMs };
}

/** Whole seconds left to show (3, 2, 1). */
export const countdownSeconds = (gate: SetupGate): number | null =>
  gate.status === 'countdown' ? Math.max(1, Math.ceil(gate.remainingMs / 1000)) : null;
