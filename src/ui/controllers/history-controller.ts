// HistoryController: the saved sessions for a Lit host. Opens the session store when the host connects (never
// throws: without IndexedDB it keeps sessions in memory and says so in `status`), saves the session in progress
// after each set, lists and deletes. The host re-renders when the list or the status changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SetSummary } from '../../coach/set-summary';
import type { ExerciseDefinition } from '../../rules/engine/types';
import type { ProgrammeTag, RecordingSource, SessionRecord } from '../../storage/session-record';
import { SessionStore, type ListResult, type StoreStatus } from '../../storage/session-store';
import { errorText } from '../../core/error-text';

function newId(): string {
  try { return crypto.randomUUID(); } catch { return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`; }
}

export class HistoryController implements ReactiveController {
  status: StoreStatus = { persistent: false, error: null };
  list: ListResult = { records: [], unsaved: [], invalid: 0 };
  private store: SessionStore | null = null;
  private ready: Promise<SessionStore> | null = null;
  /** The session in progress, saved again (replaced) after each of its sets. */
  private record: SessionRecord | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ready ??= SessionStore.open().then((s) => {
      this.store = s;
      s.onStatus = (st) => this.setStatus(st);
      this.setStatus(s.status);
      void this.refresh();
      return s;
    });
  }

  /** A new session record for this exercise; nothing is stored until its first set ends. `programme`: the programme
   * session and step it was done for; `source`: the video file it was analysed from. */
  begin(exercise: ExerciseDefinition, modelLabel: string, tags: { programme?: ProgrammeTag; source?: RecordingSource } = {}): void {
    const now = new Date().toISOString();
    const { programme, source } = tags;
    this.record = {
      id: newId(), schemaVersion: 1, exerciseId: exercise.id, exerciseName: exercise.name, group: exercise.group,
      startedAt: now, updatedAt: now, model: modelLabel || undefined, ...(programme ? { programme } : {}), ...(source ? { source } : {}), sets: [],
    };
  }

  /** Saves the session in progress with the sets ended so far; a failure shows in `status`. */
  async saveSets(sets: readonly SetSummary[]): Promise<void> {
    if (!this.record) return;
    this.record = { ...this.record, updatedAt: new Date().toISOString(), sets: [...sets] };
    const store = this.store ?? (await this.ready);
    try {
      await store?.save(this.record);
    } catch (e) {
      this.setStatus({ persistent: false, error: `The session could not be saved: ${errorText(e)}` });
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.list = await store.list();
    this.setStatus(store.status);
  }

  async remove(id: string): Promise<void> {
    try {
      await this.store?.remove(id);
    } catch { /* status carries the message */ }
    await this.refresh();
  }

  private setStatus(s: StoreStatus): void {
    this.status = s;
    this.host.requestUpdate();
  }
}
