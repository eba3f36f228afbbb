// Small builders for Finding values used by the coach and UI tests.
import type { Finding } from '../../../src/rules/engine/types';

export const cue = (code: string, t: number, severity: 'info' | 'warning' | 'fault' = 'fault', side: 'left' | 'right' | 'both' = 'left'): Finding =>
  ({ kind: 'cue', code, side, severity, timestampMs: t, joints: ['left_knee'] });
export const measure = (code: string, value: number, t: number, side: 'left' | 'right' | 'both' = 'left'): Finding =>
  ({ kind: 'measure', code, side, value, unit: 'deg', timestampMs: t });
export const rep = (index: number, t: number, metrics: Record<string, number>, side: 'left' | 'right' | 'both' = 'both', faults: string[] = []): Finding =>
  ({ kind: 'rep', side, index, timestampMs: t, durationMs: 2000, metrics, faults });
export const hold = (side: 'left' | 'right', elapsedMs: number, t: number, running = true, targetMs = 30000): Finding =>
  ({ kind: 'hold', side, running, elapsedMs, targetMs, timestampMs: t });
export const holdEnd = (side: 'left' | 'right', elapsedMs: number, t: number, metrics: Record<string, number> = {}, reason: 'target' | 'foot-down' | 'posture-lost' = 'foot-down'): Finding =>
  ({ kind: 'hold-end', side, elapsedMs, reason, timestampMs: t, metrics });
export const notVisible = (t: number): Finding => ({ kind: 'visibility', code: 'NOT_VISIBLE', missing: ['left_ankle'], timestampMs: t });
