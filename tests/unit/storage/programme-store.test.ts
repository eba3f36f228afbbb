import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HIP_STABILITY_PLAN as PLAN } from '../../../src/programme/plan';
import { endProgramme, startProgramme, withOverride } from '../../../src/programme/run';
import { type ProgrammeRecord, programmeRecordSchema } from '../../../src/storage/programme-record';
import { ProgrammeStore } from '../../../src/storage/programme-store';
import { sessionRecordSchema } from '../../../src/storage/session-record';
import { SessionStore } from '../../../src/storage/session-store';

let n = 0;
const dbName = () => `programme-test-${++n}`;
const stores: { close(): void }[] = [];
afterEach(() => { stores.splice(0).forEach((s) => s.close()); });
async function open(name: string, unavailable = false) { const s = await ProgrammeStore.open({ name, unavailable }); stores.push(s); return s; }
const run = (id: string, createdAt: string) => startProgramme(PLAN, id, createdAt.slice(0, 10), createdAt);

describe('ProgrammeStore', () => {
  it('saves the run and its choices, and reads them back after a reopen; the current run is the newest not ended', async () => {
    const name = dbName();
    const a = await open(name);
    expect(a.status).toEqual({ persistent: true, error: null });
    const old = endProgramme(run('old', '2027-01-04T08:00:00.000Z'), '2027-02-01T08:00:00.000Z');
    const cur = withOverride(PLAN, run('cur', '2027-03-01T08:00:00.000Z'),
      { kind: 'set-step', atIso: '2027-03-02T08:00:00.000Z', trackId: 'bridge', stepId: 'bridge-band-3x10', lock: true }, '2027-03-02T08:00:00.000Z');
    expect(await a.save(old)).toBe(true);
    expect(await a.save(cur)).toBe(true);
    a.close();
    const b = await open(name);
    const l = await b.load();
    expect(l.current).toEqual(cur);
    expect(l.all.map((r) => r.id)).toEqual(['cur', 'old']);
    expect(l.invalid).toBe(0);
  });

  it('no run started: current is null', async () => {
    expect((await (await open(dbName())).load())).toEqual({ current: null, all: [], invalid: 0 });
  });

  it('without IndexedDB keeps the run in memory and says so', async () => {
    const s = await open(dbName(), true);
    expect(s.status.persistent).toBe(false);
    expect(s.status.error).toMatch(/programme is kept in memory only/);
    expect(await s.save(run('m', '2027-03-01T08:00:00.000Z'))).toBe(false);
    expect((await s.load()).current?.id).toBe('m');
    expect(s.unsavedIds()).toEqual(['m']);
  });

  it('a failing write (quota) is reported and the change kept in memory', async () => {
    const s = await open(dbName());
    await s.save(run('q', '2027-03-01T08:00:00.000Z'));
    const seen: (string | null)[] = [];
    s.onStatus = (st) => seen.push(st.error);
    const db = (s as unknown as { db: { put: () => Promise<never> } }).db;
    db.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const changed = withOverride(PLAN, run('q', '2027-03-01T08:00:00.000Z'), { kind: 'skip', atIso: '2027-03-02T08:00:00.000Z', occurrenceId: 'w1-a' }, '2027-03-02T08:00:00.000Z');
    expect(await s.save(changed)).toBe(false);
    expect(seen.at(-1)).toMatch(/Storage is full: your latest programme change/);
    expect((await s.load()).current?.overrides).toHaveLength(1);
  });

  it('skips and counts a damaged stored entry; refuses to save a record that breaks the schema', async () => {
    const s = await open(dbName());
    await s.save(run('ok', '2027-03-01T08:00:00.000Z'));
    const db = (s as unknown as { db: { put: (st: string, v: unknown) => Promise<unknown> } }).db;
    await db.put('programmes', { id: 'bad', startDay: 'monday' });
    const l = await s.load();
    expect(l.all.map((r) => r.id)).toEqual(['ok']);
    expect(l.invalid).toBe(1);
    await expect(s.save({ ...run('x', '2027-03-01T08:00:00.000Z'), startDay: '2027-02-30' } as ProgrammeRecord)).rejects.toThrow();
    expect(programmeRecordSchema.safeParse({ ...run('y', '2027-03-01T08:00:00.000Z'), overrides: [{ kind: 'jump', atIso: 'x' }] }).success).toBe(false);
  });

  it('lives in its own database: the session history opens as before beside it', async () => {
    const p = await open(dbName());
    const sessions = await SessionStore.open({ name: `sessions-${n}` });
    stores.push(sessions);
    expect(p.status.persistent && sessions.status.persistent).toBe(true);
  });
});

describe('session records and the programme tag', () => {
  const base = {
    id: 's', schemaVersion: 1, exerciseId: 'clamshell', exerciseName: 'Clamshell', group: 'strength',
    startedAt: '2027-03-01T17:00:00.000Z', updatedAt: '2027-03-01T17:00:00.000Z', sets: [],
  };
  it('a record without a tag (every record stored so far) still parses; a tagged one keeps its tag', () => {
    expect(sessionRecordSchema.parse(base)).not.toHaveProperty('programme');
    const tag = { programmeId: 'run-1', occurrenceId: 'w1-a', trackId: 'side-lying', stepId: 'clamshell-2x10' };
    expect(sessionRecordSchema.parse({ ...base, programme: tag }).programme).toEqual(tag);
    expect(sessionRecordSchema.safeParse({ ...base, programme: { ...tag, stepId: '' } }).success).toBe(false);
  });
});
