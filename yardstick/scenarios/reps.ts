// Rep scripts shared by the rep exercises: a phase q(t) that goes 0 (start posture) -> 1 (target) -> 0 per rep,
// with the rep events taken from the phases themselves, and the clip cut from the script for the start condition.
import type { Rng } from '../rng';
import { Timeline, type Segment } from './timeline';
import type { ScriptRep, StartCondition, TruthSide } from './types';

export interface RepTempo { downMs: number; bottomMs: number; upMs: number; pauseMs: number }

/** Tempo of one rep around a base, each phase varied by +/- `spread`. */
export function jitterTempo(rng: Rng, base: RepTempo, spread = 0.15): RepTempo {
  const j = (v: number) => v * rng.uniform(1 - spread, 1 + spread);
  return { downMs: j(base.downMs), bottomMs: j(base.bottomMs), upMs: j(base.upMs), pauseMs: j(base.pauseMs) };
}

export interface RepPlan {
  phase: Timeline;
  /** Reps that complete (start posture -> target -> start posture). */
  reps: ScriptRep[];
  /** The extra, unfinished rep when the clip ends mid-rep (not truth: it does not count). */
  partial: ScriptRep | null;
  leadMs: number;
  durationMs: number;
  /** Rep index at script time t (0-based; -1 before the first). */
  repAt(tMs: number): number;
}

/** `lead` ms in the start posture, the reps, `tailMs` at the end; plus an unfinished rep if asked. */
export function planReps(tempos: readonly RepTempo[], sides: readonly TruthSide[], leadMs: number, tailMs: number, partial: RepTempo | null): RepPlan {
  const segs: Segment[] = [{ durationMs: leadMs, to: 0 }];
  const reps: ScriptRep[] = [];
  const starts: number[] = [];
  let t = leadMs;
  tempos.forEach((tp, i) => {
    starts.push(t);
    const rep = { side: sides[i] ?? 'both', startMs: t, bottomMs: t + tp.downMs, bottomEndMs: t + tp.downMs + tp.bottomMs, endMs: t + tp.downMs + tp.bottomMs + tp.upMs };
    reps.push(rep);
    const last = i === tempos.length - 1;
    segs.push({ durationMs: tp.downMs, to: 1 }, { durationMs: tp.bottomMs, to: 1 }, { durationMs: tp.upMs, to: 0 },
      { durationMs: last && !partial ? tailMs : tp.pauseMs, to: 0 });
    t = rep.endMs + (last && !partial ? tailMs : tp.pauseMs);
  });
  let extra: ScriptRep | null = null;
  if (partial) {
    starts.push(t);
    extra = { side: sides[tempos.length] ?? 'both', startMs: t, bottomMs: t + partial.downMs, bottomEndMs: t + partial.downMs + partial.bottomMs, endMs: t + partial.downMs + partial.bottomMs + partial.upMs };
    segs.push({ durationMs: partial.downMs, to: 1 }, { durationMs: partial.bottomMs, to: 1 }, { durationMs: partial.upMs, to: 0 }, { durationMs: 500, to: 0 });
  }
  const phase = new Timeline(0, segs);
  return {
    phase, reps, partial: extra, leadMs, durationMs: phase.durationMs,
    repAt: (tm) => { let k = -1; for (let i = 0; i < starts.length; i++) if (tm >= starts[i]!) k = i; return k; },
  };
}

/**
 * Where the clip starts and how long it is, for a start condition: at the top after 1-3 s ('top-long') or
 * 0-1 s ('top-short') of standing, partway down the first descent ('mid-descent'), or at the bottom ('bottom').
 * An unfinished last rep is cut during its descent, bottom or the first 60 % of its way up.
 */
export function clipFor(plan: RepPlan, start: StartCondition, rng: Rng): { clipStartMs: number; clipMs: number } {
  const first = plan.reps[0]!;
  let s: number;
  switch (start) {
    case 'top-short': s = first.startMs - rng.uniform(0, 1000); break;
    case 'mid-descent': s = first.startMs + rng.uniform(0.25, 0.75) * (first.bottomMs - first.startMs); break;
    case 'bottom': s = first.bottomMs + rng.uniform(0, 0.9) * (first.bottomEndMs - first.bottomMs); break;
    case 'top-long': default: s = first.startMs - rng.uniform(1000, Math.min(3000, plan.leadMs)); break;
  }
  s = Math.max(0, s);
  const end = plan.partial
    ? plan.partial.startMs + rng.uniform(0.4, 1) * (plan.partial.bottomEndMs - plan.partial.startMs) + rng.uniform(0, 0.6) * (plan.partial.endMs - plan.partial.bottomEndMs)
    : plan.durationMs;
  return { clipStartMs: s, clipMs: end - s };
}
