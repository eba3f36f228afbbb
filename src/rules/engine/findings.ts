// Constructors for the findings every checker emits (engine/types.ts is the contract): a cue, a live measure, the
// set's phase, "not visible", a hold's status. One place builds each, so every checker reports them the same way.
import type { KeypointName } from '../../core/pose-frame';
import type { FaultCheck } from './persistence';
import { finiteMetrics } from './stats';
import type { Finding, FindingSide, HoldEndReason, Severity } from './types';

export type Unit = 'deg' | 'ratio' | 'ms' | 'count';
export type Phase = 'setup' | 'active' | 'done';

export function cue(
  code: string, side: FindingSide, severity: Severity, timestampMs: number, joints: KeypointName[], value?: number,
): Finding {
  return value === undefined || Number.isNaN(value)
    ? { kind: 'cue', code, side, severity, timestampMs, joints }
    : { kind: 'cue', code, side, severity, timestampMs, joints, value };
}

/** The cues of the active faults of a fault set (engine/persistence.ts stepFaults), in check order. */
export const faultCues = (active: readonly FaultCheck[], timestampMs: number): Finding[] =>
  active.map((f) => cue(f.code, f.side, f.severity, timestampMs, f.joints, f.value));

export function measure(code: string, side: FindingSide, value: number, unit: Unit, timestampMs: number): Finding {
  return { kind: 'measure', code, side, value, unit, timestampMs };
}

export const phaseFinding = (phase: Phase, timestampMs: number): Finding => ({ kind: 'phase', phase, timestampMs });

/** Joints the checker needs but cannot see on this frame. */
export const notVisible = (missing: readonly KeypointName[], timestampMs: number): Finding =>
  ({ kind: 'visibility', code: 'NOT_VISIBLE', missing: [...missing], timestampMs });

export const holdStatus = (side: FindingSide, running: boolean, elapsedMs: number, targetMs: number, timestampMs: number): Finding =>
  ({ kind: 'hold', side, running, elapsedMs, targetMs, timestampMs });

/**
 * Phase reported only when it changes (checkers built on rep-exercise.ts / hold-exercise.ts); pushes the finding
 * and returns the phase now announced.
 */
export function announcePhase(announced: Phase | null, phase: Phase, timestampMs: number, findings: Finding[]): Phase {
  if (phase !== announced) findings.push(phaseFinding(phase, timestampMs));
  return phase;
}

/** A completed rep; `metrics` are filtered to finite values (a metric never measured is absent, not a fake 0). */
export const repFinding = (
  side: FindingSide, index: number, timestampMs: number, durationMs: number, metrics: Record<string, number>, faults: readonly string[],
): Finding => ({ kind: 'rep', side, index, timestampMs, durationMs, metrics: finiteMetrics(metrics), faults: [...faults] });

/** A finished hold or trial with its metrics (finite values only). */
export const holdEndFinding = (
  side: FindingSide, ev: { reason: HoldEndReason; elapsedMs: number }, timestampMs: number, metrics: Record<string, number>,
): Finding => ({ kind: 'hold-end', side, elapsedMs: ev.elapsedMs, reason: ev.reason, timestampMs, metrics: finiteMetrics(metrics) });
