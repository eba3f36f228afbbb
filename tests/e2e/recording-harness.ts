// Driving the file analysis flow of the built app from playwright (browser tests and the benchmark): read
// <recording-view>'s controller, the saved sessions in IndexedDB, and run a file through the UI.
import type { Page } from 'playwright-core';
import type { PoseFrame } from '../../src/core/pose-frame';
import type { PageWatch } from './harness';

export interface RecState {
  phase: string;
  note: string | null;
  message: string | null;
  frames: PoseFrame[];
  reps: number[];
  marks: { kind: string; startMs: number; endMs: number }[];
  currentMs: number;
  elapsedMs: number | null;
  durationMs: number | null;
  /** Mean model time per frame, ms. */
  inferenceMs: number | null;
}

/** The file analysis flow's state, read from <recording-view>'s controller. */
export function recState(page: Page): Promise<RecState> {
  return page.evaluate(() => {
    const view = document.querySelector('app-root')!.shadowRoot!.querySelector('recording-view') as unknown as {
      recording: { phase: { kind: string; note?: string | null; message?: string }; frames: PoseFrame[]; currentMs: number;
        result: { summaries: { repCount: number }[]; marks: { kind: string; startMs: number; endMs: number }[] } | null;
        analysis: { elapsedMs: number; inferenceMs: number; info: { durationMs: number } } | null };
    } | null;
    if (!view) return { phase: 'none', note: null, message: null, frames: [], reps: [], marks: [], currentMs: 0, elapsedMs: null, durationMs: null, inferenceMs: null };
    const r = view.recording;
    return JSON.parse(JSON.stringify({
      phase: r.phase.kind, note: r.phase.note ?? null, message: r.phase.message ?? null, frames: r.frames,
      reps: r.result?.summaries.map((s) => s.repCount) ?? [], marks: r.result?.marks ?? [], currentMs: r.currentMs,
      elapsedMs: r.analysis?.elapsedMs ?? null, durationMs: r.analysis?.info.durationMs ?? null, inferenceMs: r.analysis?.inferenceMs ?? null,
    })) as RecState;
  });
}

/** The saved sessions, straight from IndexedDB. */
export function storedSessions(page: Page): Promise<{ exerciseId: string; source?: { kind: string; fileName: string }; sets: { repCount: number }[] }[]> {
  return page.evaluate(() => new Promise((ok, ko) => {
    const req = indexedDB.open('hip-trainer');
    req.onerror = () => ko(req.error);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('sessions')) { db.close(); ok([]); return; }
      const all = db.transaction('sessions').objectStore('sessions').getAll();
      all.onsuccess = () => { db.close(); ok(all.result); };
      all.onerror = () => ko(all.error);
    };
  }));
}

export async function waitPhase(page: Page, phase: string, timeoutMs = 150_000): Promise<RecState> {
  let last: RecState | null = null;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    last = await recState(page);
    if (last.phase === phase) return last;
    if (last.phase === 'failed' && phase !== 'failed') break;
    await page.waitForTimeout(200);
  }
  throw new Error(`recording phase ${phase} not reached: ${JSON.stringify({ ...last, frames: last?.frames.length })}`);
}

/** Opens the app with the camera off, picks `file` and `exercise`, presses Analyse. */
export async function analyseInApp(w: PageWatch, url: string, file: string, exercise: string): Promise<void> {
  await w.page.goto(url);
  await w.page.locator('[data-testid="file-input"]').setInputFiles(file);
  await waitPhase(w.page, 'ready', 60_000);
  await w.page.locator('[data-testid="recording-exercise"]').selectOption(exercise);
  await w.page.locator('[data-testid="analyse"]').click();
}
