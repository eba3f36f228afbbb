import 'fake-indexeddb/auto';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { SessionStore } from '../../../src/storage/session-store';
import { toCsv, toJson } from '../../../src/storage/export';
import { setSummarySchema, type SessionRecord } from '../../../src/storage/session-record';
import { dailyTrends } from '../../../src/coach/trends';
import { createLiveSet, foldFindings } from '../../../src/coach/live-set';
import { summariseSet, type SetSummary } from '../../../src/coach/set-summary';
import { hold, holdEnd, rep } from '../coach/findings-helpers';

let n = 0;
const dbName = () => `test-${++n}`;
const record = (id: string, startedAt: string, reps: number[] = [10, 12]): SessionRecord => ({
  id, schemaVersion: 1, exerciseId: 'squat', exerciseName: 'Squat', group: 'strength', startedAt, updatedAt: startedAt,
  sets: [{
    exerciseId: 'squat', side: null, startedAtMs: 0, durationMs: 9000, repCount: reps.length,
    reps: reps.map((v, i) => ({ index: i + 1, side: 'both' as const, timestampMs: i * 3000, durationMs: 2500, metrics: { peakFppaDeg: v }, faults: i ? ['KNEE_VALGUS_LEFT'] : [] })),
    mainMetric: 'peakFppaDeg', holds: [], faults: [{ code: 'KNEE_VALGUS_LEFT', side: 'left', count: 1 }], repFaults: [], asymmetry: [], series: [],
  }],
});

const stores: SessionStore[] = [];
afterEach(() => { stores.splice(0).forEach((s) => s.close()); });
async function open(name: string, unavailable = false) { const s = await SessionStore.open({ name, unavailable }); stores.push(s); return s; }

describe('SessionStore', () => {
  it('saves, lists newest first across a reopen, and deletes', async () => {
    const name = dbName();
    const a = await open(name);
    expect(a.status).toEqual({ persistent: true, error: null });
    expect(await a.save(record('1', '2026-11-20T10:00:00Z'))).toBe(true);
    expect(await a.save(record('2', '2026-11-21T10:00:00Z'))).toBe(true);
    a.close();
    const b = await open(name); // like a reload
    const l = await b.list();
    expect(l.records.map((r) => r.id)).toEqual(['2', '1']);
    expect(l.unsaved).toEqual([]);
    await b.remove('2');
    expect((await b.list()).records.map((r) => r.id)).toEqual(['1']);
  });

  it('a session analysed from a video file keeps its origin (file name, length) and no pixels; older records stay valid', async () => {
    const name = dbName();
    const a = await open(name);
    const fromFile: SessionRecord = { ...record('v', '2026-11-22T10:00:00Z'), source: { kind: 'video-file', fileName: 'squats.mov', durationMs: 10_000 } };
    expect(await a.save(fromFile)).toBe(true);
    expect(await a.save(record('c', '2026-11-21T10:00:00Z'))).toBe(true);
    a.close();
    const l = await (await open(name)).list();
    expect(l.records.map((r) => [r.id, r.source ?? null])).toEqual([['v', { kind: 'video-file', fileName: 'squats.mov', durationMs: 10_000 }], ['c', null]]);
    expect(l.invalid).toBe(0);
  });

  it('without IndexedDB keeps sessions in memory and says so', async () => {
    const s = await open(dbName(), true);
    expect(s.status.persistent).toBe(false);
    expect(s.status.error).toMatch(/memory only/);
    expect(await s.save(record('m', '2026-11-21T10:00:00Z'))).toBe(false);
    const l = await s.list();
    expect(l.records.map((r) => r.id)).toEqual(['m']);
    expect(l.unsaved).toEqual(['m']);
    expect(toJson(l.records)).toContain('"id": "m"'); // still exportable
  });

  it('a failing write (quota) is reported and the record kept in memory', async () => {
    const s = await open(dbName());
    const seen: (string | null)[] = [];
    s.onStatus = (st) => seen.push(st.error);
    // Make the next write fail the way a full disk does.
    const db = (s as unknown as { db: { put: () => Promise<never> } }).db;
    db.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    expect(await s.save(record('q', '2026-11-21T10:00:00Z'))).toBe(false);
    expect(seen.at(-1)).toMatch(/Storage is full/);
    expect((await s.list()).unsaved).toEqual(['q']);
  });

  it('skips and counts a corrupt stored entry instead of failing the list', async () => {
    const name = dbName();
    const s = await open(name);
    await s.save(record('ok', '2026-11-21T10:00:00Z'));
    const db = (s as unknown as { db: { put: (st: string, v: unknown) => Promise<unknown> } }).db;
    await db.put('sessions', { id: 'bad', sets: 'nope' });
    const l = await s.list();
    expect(l.records.map((r) => r.id)).toEqual(['ok']);
    expect(l.invalid).toBe(1);
  });

  it('rejects saving a record that breaks the schema', async () => {
    const s = await open(dbName());
    await expect(s.save({ ...record('x', 'now'), group: 'nope' } as unknown as SessionRecord)).rejects.toThrow();
  });
});

describe('the stored set is the coach\'s set summary', () => {
  it('has the same type (checked by tsc) and a real summary passes the stored schema', () => {
    // Storage imports no coach code; this keeps the two shapes from drifting apart.
    expectTypeOf<z.infer<typeof setSummarySchema>>().toEqualTypeOf<SetSummary>();
    let live = createLiveSet('single-leg-stand', 'left');
    live = foldFindings(live, [rep(1, 1000, { peakFppaDeg: 7 }, 'left', ['KNEE_VALGUS'])], 1000);
    live = foldFindings(live, [hold('left', 5000, 6000), holdEnd('left', 5000, 6000, { meanDropDeg: 3 })], 6000);
    const summary = summariseSet(live);
    expect(summary.repCount).toBe(1);
    expect(setSummarySchema.parse(summary)).toEqual(summary);
  });
});

describe('export', () => {
  it('CSV has one row per rep, a column per metric, quotes and formula-escapes text', () => {
    const r = record('id,"1"', '2026-11-21T10:00:00Z');
    r.exerciseId = '=cmd';
    const csv = toCsv([r]).split('\r\n');
    expect(csv[0]).toBe('session_id,started_at,exercise,set,set_side,row,index,side,duration_ms,reason,faults,peakFppaDeg');
    expect(csv[1]).toBe('"id,""1""",2026-11-21T10:00:00Z,\'=cmd,1,,rep,1,both,2500,,,10');
    expect(csv[2]).toContain(',KNEE_VALGUS_LEFT,12');
    expect(csv).toHaveLength(4); // header, 2 reps, trailing empty
  });
  it('JSON round-trips', () => {
    const r = record('j', '2026-11-21T10:00:00Z');
    expect(JSON.parse(toJson([r])).sessions[0]).toEqual(r);
  });
});

describe('dailyTrends', () => {
  it('groups sessions by local day with reps and mean main metric', () => {
    const t = dailyTrends([
      record('a', '2026-11-20T10:00:00'), record('b', '2026-11-20T18:00:00', [20]), record('c', '2026-11-22T09:00:00', [4, 6]),
    ], 'squat');
    expect(t.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-22']);
    expect(t[0]).toMatchObject({ sessions: 2, reps: 3, meanMainMetric: 14, mainMetric: 'peakFppaDeg' });
    expect(t[1]!.meanMainMetric).toBe(5);
    expect(dailyTrends([record('a', '2026-11-20T10:00:00')], 'lunge')).toEqual([]);
  });
});

describe('dailyTrends with per-side metrics', () => {
  it('trends a left/right pair as the worse side of each rep', () => {
    const r = record('p', '2026-11-20T10:00:00');
    r.sets[0]!.mainMetric = 'peakFppaLeftDeg';
    r.sets[0]!.reps = [
      { index: 1, side: 'both', timestampMs: 0, durationMs: 2000, metrics: { peakFppaLeftDeg: 4, peakFppaRightDeg: 10 }, faults: [] },
      { index: 2, side: 'both', timestampMs: 0, durationMs: 2000, metrics: { peakFppaLeftDeg: 8, peakFppaRightDeg: 2 }, faults: [] },
    ];
    const [d] = dailyTrends([r], 'squat');
    expect(d).toMatchObject({ mainMetric: 'peakFppaDeg', pairedSides: true, meanMainMetric: 9 });
  });
});

describe('dailyTrends for the single-leg test', () => {
  it('averages the rule\'s mean pelvic drop per stance leg', () => {
    const r = record('s', '2026-11-20T10:00:00', []);
    r.exerciseId = 'single-leg-stand';
    const hold = (side: 'left' | 'right', meanDropDeg: number) => ({ side, elapsedMs: 30000, targetMs: 30000, reason: 'target' as const, metrics: { meanDropDeg } });
    r.sets = [{ ...r.sets[0]!, reps: [], repCount: 0, mainMetric: null, holds: [hold('left', 2), hold('right', 6)] },
      { ...r.sets[0]!, reps: [], repCount: 0, mainMetric: null, holds: [hold('left', 4)] }];
    const [d] = dailyTrends([r], 'single-leg-stand');
    expect(d!.meanDropDeg).toEqual({ left: 3, right: 6 });
    expect(d!.bestHoldMs).toBe(30000);
    expect(dailyTrends([record('q', '2026-11-20T10:00:00')], 'squat')[0]!.meanDropDeg).toBeNull();
  });
});
