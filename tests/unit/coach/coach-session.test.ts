import { describe, expect, it } from 'vitest';
import {
  createSession, isFinished, repsThisSide, ruleDefault, runSession, sessionSpec, setRuleOverrides, stepSession,
  type CoachEvent, type SessionSpec, type SessionState,
} from '../../../src/coach/coach-session';
import { DEFAULT_SETUP_GATE, setupGate, startAtOnce } from '../../../src/coach/setup-gate';
import { DEFAULT_LIVE_SET_OPTIONS } from '../../../src/coach/live-set';
import { EXERCISES, exerciseConfig, getExercise } from '../../../src/rules/registry';
import type { Finding } from '../../../src/rules/engine/types';
import { frame, toyExercise } from '../ui/toy-exercise';
import { squatSequence } from '../rules/frame-builder';

const fast = setupGate({ ...DEFAULT_SETUP_GATE, readyAfterMs: 100, stableMs: 200, countdownMs: 300 });

/** A session under test: spec, current state, and every event so far. */
function session(spec: SessionSpec) {
  const s = { spec, state: createSession(spec), events: [] as CoachEvent[] };
  const push = (f: ReturnType<typeof frame>) => {
    const r = stepSession(s.state, { type: 'frame', frame: f }, spec);
    s.state = r.state;
    s.events.push(...r.events);
    return r;
  };
  const drive = (from: number, to: number, knee: { x: number; y: number } | null) => {
    const n = s.events.length;
    for (let t = from; t < to; t += 100) push(frame(t, knee));
    return s.events.slice(n);
  };
  return Object.assign(s, { push, drive, reps: () => repsThisSide(spec, s.state) });
}
const countdowns = (ev: CoachEvent[]) => ev.flatMap((e) => (e.type === 'countdown' ? [e.seconds] : []));

describe('session reducer', () => {
  it('records nothing before "go", then counts to the target and completes the set by itself', () => {
    const s = session(sessionSpec(toyExercise, { sets: [null, null], reps: 2, holdMs: null }, {}, fast));
    // A "rep" during the set-up is not counted: the rule is restarted at go.
    const ev = [...s.drive(0, 200, { x: 0.5, y: 0.9 }), ...s.drive(200, 400, { x: 0.5, y: 0.3 })];
    expect(ev.some((e) => e.type === 'rep')).toBe(false);
    ev.push(...s.drive(400, 1000, { x: 0.5, y: 0.3 }));
    expect(countdowns(ev)).toEqual([1]);
    expect(ev.some((e) => e.type === 'go')).toBe(true);
    ev.push(...s.drive(1000, 1300, { x: 0.7, y: 0.9 }), ...s.drive(1300, 1400, { x: 0.7, y: 0.3 }));
    ev.push(...s.drive(1400, 1600, { x: 0.5, y: 0.9 }), ...s.drive(1600, 1700, { x: 0.5, y: 0.3 }));
    expect(ev.filter((e) => e.type === 'cue-on')).toHaveLength(1);
    const done = ev.find((e) => e.type === 'set-complete');
    expect(done?.type === 'set-complete' && done.summary.repCount).toBe(2);
    expect(done?.type === 'set-complete' && done.summary.repFaults).toEqual([{ code: 'KNEE_VALGUS', count: 1 }]);
    expect(done?.type === 'set-complete' && done.lastSet).toBe(false);
    expect(isFinished(s.spec, s.state)).toBe(false);
    const after = s.push(frame(1800, { x: 0.5, y: 0.9 }));
    expect(after.findings).toEqual([]); // ignored until the next set
    expect(after.state).toBe(s.state);
    s.state = stepSession(s.state, { type: 'next-set' }, s.spec).state;
    expect(s.state.setIndex).toBe(1);
    expect(s.state.gate.status).toBe('waiting');
    expect(s.state.live.reps).toEqual([]);
    expect(s.state.summaries).toHaveLength(1);
  });

  it('counts a squat begun right at "go": the rule had its still start during the countdown', () => {
    // Default gate: countdown from 1.5 s, "go" at 4.5 s; the first descent starts 100 ms after "go", less than the
    // squat rule's own 1 s still-standing setup.
    const s = session(sessionSpec(getExercise('squat'), { sets: [null], reps: 10, holdMs: null }));
    let goMs = NaN;
    for (const f of squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 30, 4600)) {
      if (s.push(f).events.some((e) => e.type === 'go')) goMs = f.timestampMs;
    }
    expect(goMs).toBeGreaterThan(4400);
    expect(goMs).toBeLessThan(4600);
    expect(s.reps()).toBe(2);
  });

  it('a rep made during the countdown is not counted and the rule restarts at "go"', () => {
    // Squats from 2 s: the first completes inside the countdown (1.5-4.5 s) and is not counted. The rule starts
    // afresh at "go" and counts from any start: the second squat is at its bottom then (held 2 s), so it counts when
    // she comes up, and the third after it.
    const s = session(sessionSpec(getExercise('squat'), { sets: [null], reps: 10, holdMs: null }));
    const reps = [{ bottomDrop: 0.35 }, { bottomDrop: 0.35, holdMs: 2000 }, { bottomDrop: 0.35 }];
    for (const f of squatSequence(reps, 30, 1800)) s.push(f);
    expect(s.state.gate.status).toBe('counting');
    expect(s.reps()).toBe(2);
    expect(s.state.live.reps.map((r) => r.index)).toEqual([1, 2]);
    // The first counted rep is the second squat: it completes after "go" (about 6.6 s), the first one long before.
    expect(s.state.live.reps[0]!.timestampMs).toBeGreaterThan(6000);
  });

  it('one dropped frame during the countdown does not send it back: 3-2-1 once, one "go"', () => {
    // The rules bridge a dropout up to dropoutHoldMs; so does the set-up gate. Before, one lost frame sent the
    // countdown back to waiting and it ran again ("3-2-3-2-1").
    const s = session(sessionSpec(toyExercise, { sets: [null], reps: 5, holdMs: null }));
    const ev = [...s.drive(0, 2500, { x: 0.5, y: 0.4 }), ...s.drive(2500, 2600, null), ...s.drive(2600, 8000, { x: 0.5, y: 0.4 })];
    expect(countdowns(ev)).toEqual([3, 2, 1]);
    expect(ev.filter((e) => e.type === 'go')).toHaveLength(1);
    // A real loss (longer than the dropout hold) still goes back to waiting and counts down again.
    const t = session(sessionSpec(toyExercise, { sets: [null], reps: 5, holdMs: null }));
    const ev2 = [...t.drive(0, 2500, { x: 0.5, y: 0.4 }), ...t.drive(2500, 3100, null), ...t.drive(3100, 9000, { x: 0.5, y: 0.4 })];
    expect(countdowns(ev2)).toEqual([3, 2, 3, 2, 1]);
  });

  it('without a set-up gate (a recording) counts from the first frame: no countdown, no "go"', () => {
    const spec = sessionSpec(toyExercise, { sets: [null], reps: null, holdMs: null }, {}, startAtOnce);
    const frames = [0.9, 0.3, 0.9, 0.3].flatMap((y, i) => [0, 1].map((k) => frame(i * 200 + k * 100, { x: 0.5, y })));
    const { state, events } = runSession(spec, frames);
    expect(events.filter((e) => e.type === 'countdown' || e.type === 'go')).toEqual([]);
    expect(state.gate).toEqual({ status: 'counting', sinceMs: null });
    expect(state.live.startedAtMs).toBe(0);
    expect(repsThisSide(spec, state)).toBe(2); // the first down phase began on the very first frame
  });

  it('is pure: plain-data state, inputs never mutated, same input -> same output', () => {
    const spec = sessionSpec(toyExercise, { sets: [null, null], reps: 1, holdMs: null }, {}, fast);
    let state: SessionState = createSession(spec);
    const frames = [...Array.from({ length: 12 }, (_, i) => frame(i * 100, { x: 0.7, y: 0.4 })),
      frame(1200, { x: 0.7, y: 0.9 }), frame(1300, { x: 0.7, y: 0.9 }), frame(1400, { x: 0.7, y: 0.3 })];
    for (const f of frames) {
      const before = structuredClone(state);
      const a = stepSession(state, { type: 'frame', frame: f }, spec);
      expect(state).toEqual(before);
      expect(stepSession(before, { type: 'frame', frame: f }, spec)).toEqual(a);
      state = a.state;
    }
    expect(state.set).toBe('ended');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state); // nothing but data: no class, no function
  });

  it('ends a set by hand with its summary, once; the next set starts again with the gate', () => {
    const spec = sessionSpec(toyExercise, { sets: [null, null], reps: null, holdMs: null }, {}, fast);
    const s = session(spec);
    s.drive(0, 700, { x: 0.5, y: 0.4 });
    s.drive(700, 1000, { x: 0.5, y: 0.9 });
    s.drive(1000, 1100, { x: 0.5, y: 0.3 });
    const end = stepSession(s.state, { type: 'end-set' }, spec);
    expect(end.events).toMatchObject([{ type: 'set-complete', lastSet: false, summary: { repCount: 1 } }]);
    expect(stepSession(end.state, { type: 'end-set' }, spec).events).toEqual([]);
    expect(stepSession(s.state, { type: 'next-set' }, spec).state).toBe(s.state); // not ended yet: no next set
    const next = stepSession(end.state, { type: 'next-set' }, spec).state;
    expect(next).toMatchObject({ setIndex: 1, set: 'running', gate: { status: 'waiting' }, summaries: [{ repCount: 1 }] });
    const last = stepSession(next, { type: 'end-set' }, spec);
    expect(last.events).toMatchObject([{ type: 'set-complete', lastSet: true }]);
    expect(isFinished(spec, last.state)).toBe(true);
  });

  it('survives time going backwards (a video rewound) instead of throwing', () => {
    const s = session(sessionSpec(toyExercise, { sets: [null], reps: 5, holdMs: null }, {}, fast));
    s.drive(0, 2000, { x: 0.5, y: 0.3 });
    expect(() => s.drive(0, 500, { x: 0.5, y: 0.3 })).not.toThrow();
  });

  it('passes the working side and hold target to a real rule whose schema has them', () => {
    const slst = getExercise('single-leg-stand');
    expect(setRuleOverrides(sessionSpec(slst, { sets: ['right'], reps: null, holdMs: 12_000 }), 0)).toEqual({ side: 'right', holdTargetMs: 12_000 });
    expect(setRuleOverrides(sessionSpec(getExercise('squat'), { sets: [null], reps: 5, holdMs: null }), 0)).toEqual({});
    expect(ruleDefault(slst, /^pelvicDropDeg$/)).toBe(5);
    const state = createSession(sessionSpec(slst, { sets: ['right'], reps: null, holdMs: 12_000 }));
    expect(state.rule.config).toMatchObject({ side: 'right', holdTargetMs: 12_000 });
  });

  it('the set-up gate and the live set bridge the same dropout as every rule', () => {
    for (const def of EXERCISES) {
      const cfg = exerciseConfig(def.id) as { dropoutHoldMs?: number };
      expect(cfg.dropoutHoldMs, def.id).toBe(DEFAULT_SETUP_GATE.dropoutHoldMs);
    }
    expect(DEFAULT_LIVE_SET_OPTIONS.dropoutHoldMs).toBe(DEFAULT_SETUP_GATE.dropoutHoldMs);
  });
});

describe('session reducer with repeated holds', () => {
  // A hold rule that ends a hold every time the knee drops below y 0.8 after being up, and says 'done' after 3.
  const holdToy = {
    ...toyExercise, id: 'wall-clamshell', group: 'hold' as const,
    initialState: () => ({ down: false, reps: 0, downAt: 0 }),
    step(state: { down: boolean; reps: number; downAt: number }, f: ReturnType<typeof frame>) {
      const t = f.timestampMs;
      const y = f.keypoints?.left_knee.y ?? 0;
      const findings: Finding[] = [];
      let s = state;
      if (!s.down && y > 0.7) s = { ...s, down: true, downAt: t };
      else if (s.down && y < 0.5) {
        s = { ...s, down: false, reps: s.reps + 1 };
        findings.push({ kind: 'hold-end', side: 'left', elapsedMs: t - state.downAt, reason: 'foot-down', timestampMs: t, metrics: {} });
        if (s.reps === 3) findings.push({ kind: 'phase', phase: 'done', timestampMs: t });
      }
      return { state: s, findings };
    },
  };
  const cycle = (s: ReturnType<typeof session>, t0: number) => [...s.drive(t0, t0 + 300, { x: 0.5, y: 0.9 }), ...s.drive(t0 + 300, t0 + 400, { x: 0.5, y: 0.3 })];

  it('ends the set after the planned number of holds, or when the rule says done', () => {
    const s = session(sessionSpec(holdToy as never, { sets: [null], reps: null, holdMs: 8000, holds: 2 }, {}, fast));
    s.drive(0, 700, { x: 0.5, y: 0.3 });
    expect(cycle(s, 700).some((e) => e.type === 'set-complete')).toBe(false);
    expect(cycle(s, 1100).some((e) => e.type === 'set-complete')).toBe(true);
    const d = session(sessionSpec(holdToy as never, { sets: [null], reps: null, holdMs: 8000, holds: 10 }, {}, fast));
    d.drive(0, 700, { x: 0.5, y: 0.3 });
    const ev = [...cycle(d, 700), ...cycle(d, 1100), ...cycle(d, 1500)];
    expect(ev.filter((e) => e.type === 'set-complete')).toHaveLength(1); // 'done' after 3, before 10
  });
});
