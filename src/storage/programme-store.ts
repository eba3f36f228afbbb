// The programme run (start day, overrides) in IndexedDB, with the session store's behaviour: opening never throws,
// a failed write keeps the run in memory and says so in `status`, damaged entries are counted and skipped.
// Its own database, so the session database keeps its version and upgrade path untouched.
import { IdbRecordStore, idbFactory, type StoreOpenOptions, type StoreSpec } from './idb-record-store';
import { type ProgrammeRecord, programmeRecordSchema } from './programme-record';

export const PROGRAMME_DB_NAME = 'hip-trainer-programme';

const SPEC: StoreSpec<ProgrammeRecord> = {
  dbName: PROGRAMME_DB_NAME,
  version: 1,
  storeName: 'programmes',
  indexes: ['createdAt'],
  schema: programmeRecordSchema,
  words: {
    unavailable: 'This browser offers no IndexedDB (private mode?): your programme is kept in memory only and starts again when the page is closed.',
    full: 'Storage is full: your latest programme change is kept in memory only and is lost when the page is closed.',
    failed: (detail) => `Could not use the browser's storage (${detail}). Your programme is kept in memory only and is lost when the page is closed.`,
  },
};

export interface ProgrammeLoad {
  /** The run in use: the newest one not ended, or null when none was started. */
  current: ProgrammeRecord | null;
  /** Every run, newest first (ended ones stay for history and reports). */
  all: ProgrammeRecord[];
  /** Stored entries that failed schema validation (skipped). */
  invalid: number;
}

export class ProgrammeStore extends IdbRecordStore<ProgrammeRecord> {
  /** Opens IndexedDB; never throws: when it is unavailable the store works in memory and says so in `status`. */
  static async open(options: StoreOpenOptions = {}): Promise<ProgrammeStore> {
    const s = new ProgrammeStore(SPEC, idbFactory(options), options.name ?? PROGRAMME_DB_NAME);
    await s.connect();
    return s;
  }

  async load(): Promise<ProgrammeLoad> {
    const { records, invalid } = await this.readAll();
    const all = records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { current: all.find((r) => r.endedAt === undefined) ?? null, all, invalid };
  }
}
