// Session history in IndexedDB (via idb). A failure is never swallowed: the store reports it in `status`, and a
// record that could not be written stays in memory (`unsaved`) so the set in progress can still be exported.
// The IndexedDB plumbing (memory fallback, validation on read) is shared with the programme store: idb-record-store.ts.
import { IdbRecordStore, idbFactory, type StoreOpenOptions, type StoreSpec } from './idb-record-store';
import { type SessionRecord, sessionRecordSchema } from './session-record';

export type { StoreStatus } from './idb-record-store';

export const DB_NAME = 'hip-trainer';

const SPEC: StoreSpec<SessionRecord> = {
  dbName: DB_NAME,
  version: 1,
  storeName: 'sessions',
  indexes: ['startedAt'],
  schema: sessionRecordSchema,
  words: {
    unavailable: 'This browser offers no IndexedDB (private mode?): sessions are kept in memory only; export them before closing the page.',
    full: 'Storage is full: this session is kept in memory only. Export it before closing the page.',
    failed: (detail) => `Could not use the browser's storage (${detail}). Sessions are kept in memory only; export them before closing the page.`,
  },
};

export interface ListResult {
  records: SessionRecord[];
  /** Ids of records held only in memory (IndexedDB unavailable or the write failed). */
  unsaved: string[];
  /** Stored entries that failed schema validation (skipped, counted so the UI can say so). */
  invalid: number;
}

export class SessionStore extends IdbRecordStore<SessionRecord> {
  /** Opens IndexedDB; never throws: when it is unavailable the store works in memory and says so in `status`. */
  static async open(options: StoreOpenOptions = {}): Promise<SessionStore> {
    const s = new SessionStore(SPEC, idbFactory(options), options.name ?? DB_NAME);
    await s.connect();
    return s;
  }

  /** All sessions, newest first: stored ones plus those held only in memory. */
  async list(): Promise<ListResult> {
    const { records, invalid } = await this.readAll();
    records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { records, unsaved: this.unsavedIds(), invalid };
  }
}
