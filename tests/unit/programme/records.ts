// Hand-made session records for the programme and report tests: sets with a chosen number of reps, faulty reps,
// holds and cue onsets, so every expected number can be worked out by hand.
import type { Side } from '../../../src/core/pose-frame';
import type { StoredSet } from '../../../src/programme/clean';
import type { PlanStep } from '../../../src/programme/plan-schema';
import type { ProgrammeTag, SessionRecord } from '../../../src/storage/session-record';

/** ISO time of a local wall-clock moment (so localDay() gives `day` back in any time zone). */
export function at(day: string, hour = 10, minute = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).toISOString();
}

export interface RepSetOptions { side?: Side | null; reps: number; faulty?: number; code?: string; cues?: number }

export function repSet(exerciseId: string, o: RepSetOptions): StoredSet {
  const code = o.code ?? 'KNEE_VALGUS';
  const faulty = o.faulty ?? 0;
  const cues = o.cues ?? faulty;
  return {
    exerciseId, side: o.side ?? null, startedAtMs: 0, durationMs: o.reps * 3000, repCount: o.reps,
    reps: Array.from({ length: o.reps }, (_, i) => ({
      index: i + 1, side: o.side ?? 'both', timestampMs: i * 3000, durationMs: 2500, metrics: { peakDeg: 10 }, faults: i < faulty ? [code] : [],
    })),
    mainMetric: 'peakDeg', holds: [],
    faults: cues ? [{ code, side: o.side ?? 'both', count: cues }] : [],
    repFaults: faulty ? [{ code, count: faulty }] : [], asymmetry: [], series: [],
  };
}

export interface HoldSpec { elapsedMs: number; reason?: 'target' | 'posture-lost' | 'foot-down' | 'stopped'; metrics?: Record<string, number> }

export function holdSet(exerciseId: string, o: { side?: Side | null; targetMs: number; holds: HoldSpec[]; cues?: number; code?: string }): StoredSet {
  return {
    exerciseId, side: o.side ?? null, startedAtMs: 0, durationMs: o.holds.reduce((a, h) => a + h.elapsedMs, 0), repCount: 0, reps: [],
    mainMetric: null,
    holds: o.holds.map((h) => ({
      side: o.side ?? 'both', elapsedMs: h.elapsedMs, targetMs: o.targetMs,
      reason: h.reason ?? (h.elapsedMs >= o.targetMs ? 'target' : 'posture-lost'), metrics: h.metrics ?? {},
    })),
    faults: o.cues ? [{ code: o.code ?? 'HIP_SAG', side: o.side ?? 'both', count: o.cues }] : [],
    repFaults: [], asymmetry: [], series: [],
  };
}

let n = 0;
export function record(exerciseId: string, startedAt: string, sets: StoredSet[], programme?: ProgrammeTag, id = `r${++n}`): SessionRecord {
  return {
    id, schemaVersion: 1, exerciseId, exerciseName: exerciseId, group: 'strength', startedAt, updatedAt: startedAt,
    ...(programme ? { programme } : {}), sets,
  };
}

/** The full dose of a step, every rep clean (or `faultyPerSet` faulty reps in each set); holds at their target. */
export function doseSets(step: PlanStep, o: { faultyPerSet?: number; holdMs?: number; setsPerSide?: number } = {}): StoredSet[] {
  const d = step.dose;
  const sides: (Side | null)[] = d.sides === 'each' ? ['left', 'right'] : [null];
  return sides.flatMap((side) => {
    if (d.kind === 'reps') {
      return Array.from({ length: o.setsPerSide ?? d.sets }, () => repSet(step.exerciseId, { side, reps: d.reps, faulty: o.faultyPerSet ?? 0 }));
    }
    if (d.kind === 'holds') {
      return Array.from({ length: o.setsPerSide ?? d.sets }, () => holdSet(step.exerciseId, {
        side, targetMs: d.holdS * 1000, holds: Array.from({ length: d.holdsPerSet }, () => ({ elapsedMs: o.holdMs ?? d.holdS * 1000 })),
      }));
    }
    return [holdSet(step.exerciseId, { side, targetMs: d.trialS * 1000, holds: [{ elapsedMs: o.holdMs ?? d.trialS * 1000 }] })];
  });
}
