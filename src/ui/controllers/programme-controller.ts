// ProgrammeController: the 6-week programme for a Lit host. Opens the programme store when the host connects (never
// throws: without IndexedDB the run is kept in memory and `status` says so), starts and ends a run, records the
// user's choices (skip, repeat, choose a step), and runs one programme session: its exercises in order, each with
// the step's dose and the tag the session record carries. Everything shown (Today, weeks, levels) is recomputed by
// the pure programme logic from the run, the session records and the day.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HIP_STABILITY_PLAN } from '../../programme/plan';
import type { Plan } from '../../programme/plan-schema';
import { endProgramme, startProgramme, withOverride } from '../../programme/run';
import { singleLegSeries, weeklyProgress } from '../../programme/progress';
import type { HistoryProgress } from '../history-view';
import { programmeState, type Occurrence, type OccurrenceItem, type ProgrammeState } from '../../programme/today';
import type { ProgrammeOverride, ProgrammeRecord } from '../../storage/programme-record';
import { ProgrammeStore } from '../../storage/programme-store';
import type { StoreStatus } from '../../storage/idb-record-store';
import type { ProgrammeTag, SessionRecord } from '../../storage/session-record';
import type { ExerciseDefinition } from '../../rules/engine/types';
import type { SessionPlan } from '../../coach/coach-session';
import { sessionPlanForStep } from '../../programme/session-plan';
import { buildClinicianReport, type ClinicianReport } from '../../report/clinician-report';
import { errorText } from '../../core/error-text';

/** A choice as the screens send it (the time is added here). */
export type ProgrammeChoice =
  | Omit<Extract<ProgrammeOverride, { kind: 'skip' }>, 'atIso'>
  | Omit<Extract<ProgrammeOverride, { kind: 'repeat' }>, 'atIso'>
  | Omit<Extract<ProgrammeOverride, { kind: 'set-step' }>, 'atIso'>;

/** The programme session being run: its exercises still to do, in order, and where we are. */
export interface ProgrammeRunQueue {
  occurrence: Occurrence;
  items: OccurrenceItem[];
  index: number;
}

function newId(): string {
  try { return crypto.randomUUID(); } catch { return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`; }
}

export class ProgrammeController implements ReactiveController {
  readonly plan: Plan = HIP_STABILITY_PLAN;
  status: StoreStatus = { persistent: false, error: null };
  run: ProgrammeRecord | null = null;
  /** A refused or failed change, in words. */
  error: string | null = null;
  queue: ProgrammeRunQueue | null = null;
  private store: ProgrammeStore | null = null;
  private ready: Promise<ProgrammeStore> | null = null;
  private memo: { key: unknown[]; state: ProgrammeState | null } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ready ??= ProgrammeStore.open().then(async (s) => {
      this.store = s;
      s.onStatus = (st) => { this.status = st; this.host.requestUpdate(); };
      this.status = s.status;
      await this.reload();
      return s;
    });
  }

  /** History's progress panel: sessions done per programme week (with a run) and the single-leg test over time. */
  historyProgress(records: readonly SessionRecord[], today: string): HistoryProgress {
    const st = this.state(records, today);
    return {
      weeks: this.run && st ? weeklyProgress(this.plan, this.run, st.occurrences, records, today) : null,
      tests: singleLegSeries(records, this.run?.startDay),
    };
  }

  /** The printable report over these records, with the programme run when there is one. */
  clinicianReport(records: readonly SessionRecord[], today: string): ClinicianReport {
    return buildClinicianReport({ records, programme: this.run ? { plan: this.plan, run: this.run } : null, generatedOn: today });
  }

  /** Today's state of the current run (null without one); recomputed only when its inputs change. */
  state(records: readonly SessionRecord[], today: string): ProgrammeState | null {
    const key = [this.run, records, today];
    if (this.memo && this.memo.key.every((k, i) => k === key[i])) return this.memo.state;
    let state: ProgrammeState | null = null;
    try {
      state = this.run ? programmeState(this.plan, this.run, records, today) : null;
    } catch (e) {
      this.error = errorText(e);
    }
    this.memo = { key, state };
    return state;
  }

  async begin(startDay: string): Promise<void> {
    const now = new Date().toISOString();
    await this.save(startProgramme(this.plan, newId(), startDay, now));
  }

  async change(choice: ProgrammeChoice): Promise<void> {
    if (!this.run) return;
    try {
      await this.save(withOverride(this.plan, this.run, { ...choice, atIso: new Date().toISOString() } as ProgrammeOverride, new Date().toISOString()));
    } catch (e) {
      this.error = errorText(e);
      this.host.requestUpdate();
    }
  }

  /** Stops the run (kept for history and the report); a new one can then start. */
  async end(): Promise<void> {
    if (!this.run) return;
    await this.save(endProgramme(this.run, new Date().toISOString()));
    this.queue = null;
  }

  /** Runs a programme session: its exercises still to do, in plan order. False when nothing is left to do. */
  startQueue(occurrence: Occurrence): boolean {
    const items = occurrence.items.filter((i) => i.state === 'todo');
    this.queue = items.length ? { occurrence, items, index: 0 } : null;
    this.host.requestUpdate();
    return this.queue !== null;
  }

  /** Queues the session with this occurrence id in today's state; false when it is unknown or has nothing left. */
  startQueueById(records: readonly SessionRecord[], today: string, occurrenceId: string): boolean {
    const o = this.state(records, today)?.occurrences.find((x) => x.id === occurrenceId);
    return o ? this.startQueue(o) : false;
  }

  /** The queued exercise to start (definition, session plan, record tag), why it cannot start (the queue is then
   * closed), or null with nothing queued. */
  currentStart(exercises: readonly ExerciseDefinition[]): { def: ExerciseDefinition; plan: SessionPlan; tag: ProgrammeTag } | { error: string } | null {
    const item = this.currentItem;
    if (!item) return null;
    const def = exercises.find((e) => e.id === item.step.exerciseId);
    if (!def) {
      this.closeQueue();
      return { error: `The programme names an exercise this app does not have (${item.step.exerciseId}).` };
    }
    return { def, plan: sessionPlanForStep(item.step), tag: item.tag };
  }

  get currentItem(): OccurrenceItem | null { return this.queue?.items[this.queue.index] ?? null; }
  get nextItem(): OccurrenceItem | null { return this.queue?.items[this.queue.index + 1] ?? null; }

  /** Moves to the next exercise of the session; false at the end (the queue is then closed). */
  advance(): boolean {
    if (!this.queue) return false;
    if (this.queue.index + 1 >= this.queue.items.length) { this.queue = null; this.host.requestUpdate(); return false; }
    this.queue = { ...this.queue, index: this.queue.index + 1 };
    this.host.requestUpdate();
    return true;
  }

  closeQueue(): void { this.queue = null; this.host.requestUpdate(); }

  private async save(run: ProgrammeRecord): Promise<void> {
    const store = this.store ?? (await this.ready);
    this.error = null;
    this.run = run.endedAt ? null : run;
    await store?.save(run);
    this.host.requestUpdate();
  }

  private async reload(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const { current } = await store.load();
    this.run = current;
    this.host.requestUpdate();
  }
}
