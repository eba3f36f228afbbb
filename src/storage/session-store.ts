// Session history in IndexedDB (via idb). A failure is never swallowed: the store reports it in `status`, and a
// record that could not be written stays in memory (`unsaved`) so the set in progress can still be exported.
import { type IDBPDatabase, openDB } from 'idb';
import { type SessionRecord, sessionRecordSchema } from './session-record';

export const DB_NAME = 'hip-trainer';
const DB_VERSION = 1;
const STORE = 'sessions';

export interface StoreStatus {
  /** True while records are being written to IndexedDB. */
  persistent: boolean;
  /** Last storage error in plain words, or null. */
  error: string | null;
}

export interface ListResult {
  records: SessionRecord[];
  /** Ids of records held only in memory (IndexedDB unavailable or the write failed). */
  unsaved: string[];
  /** Stored entries that failed schema validation (skipped, counted so the UI can say so). */
  invalid: number;
}

function describe(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError') return 'Storage is full: this session is kept in memory only. Export it before closing the page.';
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `Could not use the browser's storage (${msg}). Sessions are kept in memory only; export them before closing the page.`;
}

export class SessionStore {
  private db: IDBPDatabase | null = null;
  private readonly memory = new Map<string, SessionRecord>();
  private readonly unsaved = new Set<string>();
  status: StoreStatus = { persistent: false, error: null };
  /** Called whenever `status` changes, so the UI can show it. */
  onStatus: ((s: StoreStatus) => void) | null = null;

  private constructor(private readonly factory: IDBFactory | null | undefined, private readonly name: string) {}

  /** Opens IndexedDB; never throws: when it is unavailable the store works in memory and says so in `status`. */
  static async open(options: { name?: string; unavailable?: boolean } = {}): Promise<SessionStore> {
    // idb opens through the global `indexedDB`; `unavailable` lets tests and callers model a browser without it.
    const factory = options.unavailable ? null : (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const s = new SessionStore(factory, options.name ?? DB_NAME);
    await s.connect();
    return s;
  }

  private async connect(): Promise<void> {
    if (!this.factory) {
      this.setStatus({ persistent: false, error: 'This browser offers no IndexedDB (private mode?): sessions are kept in memory only; export them before closing the page.' });
      return;
    }
    try {
      this.db = await openDB(this.name, DB_VERSION, {
        upgrade(db) {
          const st = db.createObjectStore(STORE, { keyPath: 'id' });
          st.createIndex('startedAt', 'startedAt');
        },
      });
      this.setStatus({ persistent: true, error: null });
    } catch (e) {
      this.db = null;
      this.setStatus({ persistent: false, error: describe(e) });
    }
  }

  private setStatus(s: StoreStatus): void {
    this.status = s;
    this.onStatus?.(s);
  }

  /** Saves (insert or replace). Resolves to false, with `status.error` set, when it could only keep it in memory. */
  async save(record: SessionRecord): Promise<boolean> {
    const rec = sessionRecordSchema.parse(record);
    this.memory.set(rec.id, rec);
    if (!this.db) { this.unsaved.add(rec.id); return false; }
    try {
      await this.db.put(STORE, rec);
      this.unsaved.delete(rec.id);
      if (this.status.error) this.setStatus({ persistent: true, error: null });
      return true;
    } catch (e) {
      this.unsaved.add(rec.id);
      this.setStatus({ persistent: true, error: describe(e) });
      return false;
    }
  }

  /** All sessions, newest first: stored ones plus those held only in memory. */
  async list(): Promise<ListResult> {
    const byId = new Map<string, SessionRecord>();
    let invalid = 0;
    if (this.db) {
      try {
        for (const raw of await this.db.getAll(STORE)) {
          const r = sessionRecordSchema.safeParse(raw);
          if (r.success) byId.set(r.data.id, r.data);
          else invalid++;
        }
      } catch (e) {
        this.setStatus({ persistent: true, error: describe(e) });
      }
    }
    for (const id of this.unsaved) { const r = this.memory.get(id); if (r) byId.set(id, r); }
    const records = [...byId.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { records, unsaved: [...this.unsaved], invalid };
  }

  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    this.unsaved.delete(id);
    if (!this.db) return;
    try {
      await this.db.delete(STORE, id);
    } catch (e) {
      this.setStatus({ persistent: true, error: describe(e) });
      throw e;
    }
  }

  close(): void { this.db?.close(); this.db = null; }
}
