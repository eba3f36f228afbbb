// Shared IndexedDB plumbing for the app's stores (session history, programme). Opening never throws: without
// IndexedDB, or when a write fails (quota), records stay in memory (`unsaved`) and `status.error` says why in plain
// words, so the UI can show it. Every record is validated with zod on save and when read back; a damaged stored
// entry is counted and skipped instead of breaking a screen.
import { type IDBPDatabase, openDB } from 'idb';
import type { z } from 'zod';

export interface StoreStatus {
  /** True while records are being written to IndexedDB. */
  persistent: boolean;
  /** Last storage error in plain words, or null. */
  error: string | null;
}

export interface StoreOpenOptions {
  /** Database name (tests use a fresh one each). */
  name?: string;
  /** Model a browser without IndexedDB. */
  unavailable?: boolean;
}

export interface StoreWords {
  /** No IndexedDB at all (private mode, old browser). */
  unavailable: string;
  /** A write failed because the disk or quota is full. */
  full: string;
  /** Any other storage failure; gets the error's name and message. */
  failed: (detail: string) => string;
}

export interface StoreSpec<T> {
  dbName: string;
  version: number;
  storeName: string;
  /** Indexes on the object store (key paths). */
  indexes?: readonly string[];
  schema: z.ZodType<T>;
  words: StoreWords;
}

/** idb opens through the global `indexedDB`; `unavailable` lets tests and callers model a browser without it. */
export function idbFactory(options: StoreOpenOptions): IDBFactory | null {
  return options.unavailable ? null : ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null);
}

export class IdbRecordStore<T extends { id: string }> {
  protected db: IDBPDatabase | null = null;
  protected readonly memory = new Map<string, T>();
  protected readonly unsaved = new Set<string>();
  status: StoreStatus = { persistent: false, error: null };
  /** Called whenever `status` changes, so the UI can show it. */
  onStatus: ((s: StoreStatus) => void) | null = null;

  protected constructor(
    protected readonly spec: StoreSpec<T>,
    private readonly factory: IDBFactory | null,
    private readonly name: string,
  ) {}

  protected async connect(): Promise<void> {
    if (!this.factory) {
      this.setStatus({ persistent: false, error: this.spec.words.unavailable });
      return;
    }
    const { storeName, indexes = [] } = this.spec;
    try {
      this.db = await openDB(this.name, this.spec.version, {
        upgrade(db) {
          const st = db.createObjectStore(storeName, { keyPath: 'id' });
          for (const ix of indexes) st.createIndex(ix, ix);
        },
      });
      this.setStatus({ persistent: true, error: null });
    } catch (e) {
      this.db = null;
      this.setStatus({ persistent: false, error: this.describe(e) });
    }
  }

  private describe(e: unknown): string {
    if (e instanceof DOMException && e.name === 'QuotaExceededError') return this.spec.words.full;
    return this.spec.words.failed(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }

  protected setStatus(s: StoreStatus): void {
    this.status = s;
    this.onStatus?.(s);
  }

  /** Saves (insert or replace). Resolves to false, with `status.error` set, when it could only keep it in memory.
   * Rejects only for a record that breaks the schema (a programming error, not a storage failure). */
  async save(record: T): Promise<boolean> {
    const rec = this.spec.schema.parse(record);
    this.memory.set(rec.id, rec);
    if (!this.db) { this.unsaved.add(rec.id); return false; }
    try {
      await this.db.put(this.spec.storeName, rec);
      this.unsaved.delete(rec.id);
      if (this.status.error) this.setStatus({ persistent: true, error: null });
      return true;
    } catch (e) {
      this.unsaved.add(rec.id);
      this.setStatus({ persistent: true, error: this.describe(e) });
      return false;
    }
  }

  /** Stored records that pass the schema plus those held only in memory (unordered), and how many stored entries
   * were skipped as damaged. A failing read is reported in `status` and leaves the memory-only records. */
  protected async readAll(): Promise<{ records: T[]; invalid: number }> {
    const byId = new Map<string, T>();
    let invalid = 0;
    if (this.db) {
      try {
        for (const raw of await this.db.getAll(this.spec.storeName)) {
          const r = this.spec.schema.safeParse(raw);
          if (r.success) byId.set(r.data.id, r.data);
          else invalid++;
        }
      } catch (e) {
        this.setStatus({ persistent: true, error: this.describe(e) });
      }
    }
    for (const id of this.unsaved) { const r = this.memory.get(id); if (r) byId.set(id, r); }
    return { records: [...byId.values()], invalid };
  }

  /** Ids of records held only in memory (IndexedDB unavailable or the write failed). */
  unsavedIds(): string[] { return [...this.unsaved]; }

  /** Deletes a record. A storage failure is reported in `status` and rethrown (the caller asked for a deletion). */
  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    this.unsaved.delete(id);
    if (!this.db) return;
    try {
      await this.db.delete(this.spec.storeName, id);
    } catch (e) {
      this.setStatus({ persistent: true, error: this.describe(e) });
      throw e;
    }
  }

  close(): void { this.db?.close(); this.db = null; }
}
