import { describe, expect, it } from 'vitest';
import { CoachSession, ruleDefault } from '../../../src/coach/coach-session';
import { exerciseConfig, getExercise, setOverrides } from '../../../src/rules/registry';
import { frame, toyExercise } from '../ui/toy-exercise';
import { squatSequence } from '../rules/frame-builder';

const fast = { readyAfterMs: 100, stableMs: 200, countdownMs: 300 };
function drive(s: CoachSession, from: number, to: number, knee: { x: number; y: number } | null) {
  const events = [];
  for (let t = from; t < to; t += 100) events.push(...s.push(frame(t, knee)).events);
  return events;
}

describe('CoachSession', () => {
  it('records nothing before "go", then counts to the target and completes the set by itself', () => {
    const s = new CoachSession(toyExercise, { sets: [null, null], reps: 2, holdMs: null }, {}, fast);
    // A "rep" during the set-up is not counted: the rule is restarted at go.
    const ev = [...drive(s, 0, 200, { x: 0.5, y: 0.9 }), ...drive(s, 200, 400, { x: 0.5, y: 0.3 })];
    expect(ev.some((e) => e.type === 'rep')).toBe(false);
    ev.push(...drive(s, 400, 1000, { x: 0.5, y: 0.3 }));
    expect(ev.filter((e) => e.type === 'countdown').map((e) => (e as { seconds: number }).seconds)).toEqual([1]);
    expect(ev.some((e) => e.type === 'go')).toBe(true);
    ev.push(...drive(s, 1000, 1300, { x: 0.7, y: 0.9 }), ...drive(s, 1300, 1400, { x: 0.7, y: 0.3 }));
    ev.push(...drive(s, 1400, 1600, { x: 0.5, y: 0.9 }), ...drive(s, 1600, 1700, { x: 0.5, y: 0.3 }));
    expect(ev.filter((e) => e.type === 'cue-on')).toHaveLength(1);
    const done = ev.find((e) => e.type === 'set-complete') as { summary: { repCount: number; repFaults: unknown[] } } | undefined;
    expect(done?.summary.repCount).toBe(2);
    expect(done?.summary.repFaults).toEqual([{ code: 'KNEE_VALGUS', count: 1 }]);
    expect(s.finished).toBe(false);
    expect(s.push(frame(1800, { x: 0.5, y: 0.9 })).findings).toEqual([]); // ignored until the next set
    expect(s.nextSet()).toBe(true);
    expect(s.gate.status).toBe('waiting');
    expect(s.live.reps).toEqual([]);
  });

  it('counts a squat begun right at "go": the rule had its still start during the countdown', () => {
    // Default gate: countdown from 1.5 s, "go" at 4.5 s; the first descent starts 100 ms after "go", less than the
    // squat rule's own 1 s still-standing setup.
    const s = new CoachSession(getExercise('squat'), { sets: [null], reps: 10, holdMs: null });
    let goMs = NaN;
    for (const f of squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 30, 4600)) {
      if (s.push(f).events.some((e) => e.type === 'go')) goMs = f.timestampMs;
    }
    expect(goMs).toBeGreaterThan(4400);
    expect(goMs).toBeLessThan(4600);
    expect(s.repsThisSide()).toBe(2);
  });

  it('a rep made during the countdown is not counted and the rule restarts at "go"', () => {
    // Squats from 2 s: the first completes inside the countdown (1.5-4.5 s), so the rule starts afresh at "go" and
    // the second, begun before "go", has no still start either: neither counts, the third does.
    const s = new CoachSession(getExercise('squat'), { sets: [null], reps: 10, holdMs: null });
    const reps = [{ bottomDrop: 0.35 }, { bottomDrop: 0.35, holdMs: 2000 }, { bottomDrop: 0.35 }];
    for (const f of squatSequence(reps, 30, 1800)) s.push(f);
    expect(s.gate.status).toBe('counting');
    expect(s.repsThisSide()).toBe(1);
    expect(s.live.reps[0]?.index).toBe(1);
  });

  it('survives time going backwards (a video rewound) instead of throwing', () => {
    const s = new CoachSession(toyExercise, { sets: [null], reps: 5, holdMs: null }, {}, fast);
    drive(s, 0, 2000, { x: 0.5, y: 0.3 });
    expect(() => drive(s, 0, 500, { x: 0.5, y: 0.3 })).not.toThrow();
  });

  it('passes the working side and hold target to a real rule whose schema has them', () => {
    const slst = getExercise('single-leg-stand');
    expect(exerciseConfig(slst, {}, 'right', 12_000)).toMatchObject({ side: 'right', holdTargetMs: 12_000 });
    expect(setOverrides(getExercise('squat'), null, null)).toEqual({});
    expect(ruleDefault(slst, /^pelvicDropDeg$/)).toBe(5);
  });
});

describe('CoachSession with repeated holds', () => {
  // A hold rule that ends a hold every time the knee drops below y 0.8 after being up, and says 'done' after 3.
  const holdToy = {
    ...toyExercise, id: 'wall-clamshell', group: 'hold' as const,
    initialState: () => ({ down: false, reps: 0, downAt: 0 }),
    step(state: { down: boolean; reps: number; downAt: number }, f: ReturnType<typeof frame>) {
      const t = f.timestampMs;
      const y = f.keypoints?.left_knee.y ?? 0;
      const findings: import('../../../src/rules/engine/types').Finding[] = [];
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
  const cycle = (s: CoachSession, t0: number) => [...drive(s, t0, t0 + 300, { x: 0.5, y: 0.9 }), ...drive(s, t0 + 300, t0 + 400, { x: 0.5, y: 0.3 })];

  it('ends the set after the planned number of holds, or when the rule says done', () => {
    const s = new CoachSession(holdToy as never, { sets: [null], reps: null, holdMs: 8000, holds: 2 }, {}, fast);
    drive(s, 0, 700, { x: 0.5, y: 0.3 });
    expect(cycle(s, 700).some((e) => e.type === 'set-complete')).toBe(false);
    expect(cycle(s, 1100).some((e) => e.type === 'set-complete')).toBe(true);
    const d = new CoachSession(holdToy as never, { sets: [null], reps: null, holdMs: 8000, holds: 10 }, {}, fast);
    drive(d, 0, 700, { x: 0.5, y: 0.3 });
    const ev = [...cycle(d, 700), ...cycle(d, 1100), ...cycle(d, 1500)];
    expect(ev.filter((e) => e.type === 'set-complete')).toHaveLength(1); // 'done' after 3, before 10
  });
});
