// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import '../../../src/ui/coach-view';
import type { CoachView } from '../../../src/ui/coach-view';
import type { StageHud } from '../../../src/ui/coach-stage-layer';
import { frame, toyExercise } from './toy-exercise';
import { parseFixture } from '../../../src/fixtures/fixture-schema';

async function mount(): Promise<{ el: CoachView; huds: (StageHud | null)[]; overlay: { highlights: Record<string, string> } }> {
  const el = document.createElement('coach-view');
  const overlay = { highlights: {} as Record<string, string> };
  el.exercises = [toyExercise];
  el.overlay = overlay;
  const huds: (StageHud | null)[] = [];
  el.addEventListener('coach-hud', (e) => huds.push(e.detail));
  document.body.append(el);
  await el.updateComplete;
  return { el, huds, overlay };
}
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const deep = (root: Element, sel: string): Element | null => {
  const direct = root.shadowRoot?.querySelector(sel);
  if (direct) return direct;
  for (const child of root.shadowRoot?.querySelectorAll('*') ?? []) {
    if (child.shadowRoot) { const f = deep(child, sel); if (f) return f; }
  }
  return null;
};

describe('<coach-view> renders findings through a whole set', () => {
  it('guides set-up, counts down, counts reps, highlights the faulty joints, summarises and saves', async () => {
    const { el, huds, overlay } = await mount();
    el.startSession(toyExercise, { sets: [null], reps: 2, holdMs: null });
    await el.updateComplete;
    let t = 0;
    const push = async (knee: { x: number; y: number } | null, n = 1) => { for (let i = 0; i < n; i++) { el.pushFrame(frame(t, knee)); t += 100; } await el.updateComplete; };

    await push(null, 3);
    expect(huds.at(-1)?.gate.status).toBe('waiting');
    expect(huds.at(-1)?.setupText).toBe('Step into the picture');
    const panel = deep(el, 'live-panel')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(panel)).toContain('Step into the picture');

    await push({ x: 0.5, y: 0.4 }, 20); // visible 1.9 s -> countdown
    expect(huds.at(-1)?.gate.status).toBe('countdown');
    await push({ x: 0.5, y: 0.4 }, 30); // through the countdown
    expect(huds.some((h) => h?.go)).toBe(true);
    expect(huds.at(-1)?.gate.status).toBe('counting');

    // Rep 1 with the knee caving in at the bottom.
    await push({ x: 0.65, y: 0.8 }, 3);
    expect(huds.at(-1)?.cue).toEqual({ text: 'Push the knee out (left)', severity: 'fault' });
    expect(overlay.highlights).toEqual({ left_knee: '#ff4d4d', left_hip: '#ff4d4d' });
    await push({ x: 0.65, y: 0.4 }, 1);
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(deep(el, '[data-testid="rep-count"]')?.textContent?.replace(/\s+/g, '')).toBe('1/2');
    expect(el.voice.lastSaid).toBeTruthy();
    await push({ x: 0.5, y: 0.4 }, 2);
    expect(overlay.highlights).toEqual({}); // cue gone, highlight cleared

    // Rep 2, clean: the set completes by itself at the target.
    await push({ x: 0.5, y: 0.8 }, 3);
    await push({ x: 0.5, y: 0.4 }, 1);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.screen).toBe('summary');
    const summary = deep(el, 'set-summary-view')!;
    await (summary as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(deep(el, '[data-testid="summary-reps"]')?.textContent).toBe('2');
    expect(text(summary)).toContain('Knee caving in (left)');
    expect(deep(el, '[data-testid="rep-chart"]')).not.toBeNull();

    // Saved: the history lists it.
    (deep(el, '[data-testid="nav-history"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const hist = deep(el, 'history-view')!;
    // Saving is asynchronous (IndexedDB): wait for the list, however loaded the machine is.
    await vi.waitFor(() => expect(hist.shadowRoot!.querySelectorAll('[data-testid="history-item"]').length).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    expect(text(hist)).toContain('2 reps');
    el.remove();
  });

  it('a set whose frames stop (camera unplugged) shows as paused: no stale cue, measure or highlight, reps kept', async () => {
    const { el, huds, overlay } = await mount();
    el.startSession(toyExercise, { sets: [null], reps: 5, holdMs: null });
    let t = 0;
    const push = async (knee: { x: number; y: number }, n = 1) => { for (let i = 0; i < n; i++) { el.pushFrame(frame(t, knee)); t += 100; } await el.updateComplete; };
    await push({ x: 0.5, y: 0.4 }, 50); // set-up and countdown
    await push({ x: 0.65, y: 0.8 }, 3); // knee caving in: cue on
    await push({ x: 0.65, y: 0.4 }, 1); // rep 1
    await push({ x: 0.65, y: 0.8 }, 3); // rep 2 under way, cue on again
    expect(Object.keys(overlay.highlights).length).toBeGreaterThan(0);
    const panel = deep(el, 'live-panel')!;
    const panelText = async () => { await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete; return text(panel); };
    expect(await panelText()).toContain('Push the knee out');

    el.paused = 'Paused: The camera was disconnected. Reps so far are kept';
    await el.updateComplete;
    const shown = await panelText();
    expect(shown).toContain('The camera was disconnected');
    expect(shown).not.toContain('Push the knee out');
    expect(shown).not.toContain('Form looks good');
    expect(deep(el, '[data-testid="measures"]')).toBeNull();
    expect(deep(el, '[data-testid="rep-count"]')?.textContent?.replace(/\s+/g, '')).toBe('1/5');
    expect(overlay.highlights).toEqual({});
    expect(huds.at(-1)).toBeNull();

    el.paused = null; // the camera is back
    await el.updateComplete;
    await push({ x: 0.5, y: 0.4 }, 1);
    expect(await panelText()).not.toContain('Paused');
    expect(huds.at(-1)?.gate.status).toBe('counting');
    el.remove();
  });

  it('records keypoints per set: one fixture file per set, with that set\'s side; nothing recorded = no file', async () => {
    const files: string[] = [];
    const realCreate = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => { void b.text().then((t) => files.push(t)); return 'blob:test'; };
    try {
      const { el } = await mount();
      el.capture = { modelId: 'lightning', modelVersion: 'movenet-singlepose-lightning-v4', backend: 'wasm (test)', smoothing: null, source: 'camera', sourceLabel: 'cam' };
      el.startSession({ ...toyExercise, sided: true }, { sets: ['left', 'right'], reps: 1, holdMs: null });
      await el.updateComplete;
      const record = async () => { (deep(el, '[data-testid="record"]') as HTMLButtonElement).click(); await el.updateComplete; };
      let t = 0;
      const push = (knee: { x: number; y: number }, n: number) => { for (let i = 0; i < n; i++) { el.pushFrame(frame(t, knee)); t += 100; } };
      await record();
      push({ x: 0.5, y: 0.4 }, 50); push({ x: 0.5, y: 0.8 }, 3); push({ x: 0.5, y: 0.4 }, 1); // set 1 ends on its rep
      await new Promise((r) => setTimeout(r, 20));
      expect(el.screen).toBe('summary');
      expect(files).toHaveLength(1);
      (deep(el, '[data-testid="next-set"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await record();
      push({ x: 0.5, y: 0.4 }, 10);
      await record(); // stop by hand, mid-set
      await record(); await record(); // started and stopped with no frame in between: no file
      await new Promise((r) => setTimeout(r, 20));
      expect(files).toHaveLength(2);
      const [a, b] = files.map((f) => parseFixture(f));
      expect(a!.exercise.side).toBe('left');
      expect(b!.exercise.side).toBe('right');
      expect(a!.frames).toHaveLength(54);
      expect(b!.frames).toHaveLength(10);
      expect(b!.frames[0]!.timestampMs).toBe(0);
      expect(a!.capture).toMatchObject({ model: { id: 'lightning', version: 'movenet-singlepose-lightning-v4' }, backend: 'wasm (test)', view: 'front' });
      expect(a!.labels.reps).toBeNull();
      el.remove();
    } finally {
      URL.createObjectURL = realCreate;
    }
  });

  it('speaks the countdown, "Go" and the end; Stop keeps a set with work in it (saved) and leaves', async () => {
    const { el, huds } = await mount();
    const said: string[] = [];
    const announce = el.voice.voice.announce.bind(el.voice.voice);
    el.voice.voice.announce = (text, t) => { said.push(text); return announce(text, t); };
    // Its own name, so the history entry found below can only be this session's.
    el.startSession({ ...toyExercise, name: 'Stopped squat' }, { sets: [null, null], reps: 5, holdMs: null });
    let t = 0;
    const push = (knee: { x: number; y: number }, n: number) => { for (let i = 0; i < n; i++) { el.pushFrame(frame(t, knee)); t += 100; } };
    push({ x: 0.5, y: 0.4 }, 50);
    expect(said).toEqual(['3', '2', '1', 'Go']);
    push({ x: 0.5, y: 0.8 }, 3); push({ x: 0.5, y: 0.4 }, 1); // one rep
    expect(el.session?.repsThisSide()).toBe(1);
    await el.updateComplete;
    (deep(el, 'live-panel')!.shadowRoot!.querySelector('[data-testid="stop-session"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(said.at(-1)).toBe('Set complete');
    expect(el.screen).toBe('pick');
    expect(el.session).toBeNull();
    expect(huds.at(-1)).toBeNull();
    (deep(el, '[data-testid="nav-history"]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const hist = deep(el, 'history-view')!;
    await vi.waitFor(() => expect(text(hist)).toMatch(/Stopped squat · [^·]+ · 1 set · 1 rep\b/), { timeout: 5000 });
    el.remove();
  });

  it('a rule that throws stops coaching with a message instead of breaking the pose pipeline', async () => {
    const { el, huds, overlay } = await mount();
    const broken = { ...toyExercise, step: () => { throw new Error('bad frame'); } };
    el.startSession(broken as never, { sets: [null], reps: 5, holdMs: null });
    await el.updateComplete;
    expect(() => el.pushFrame(frame(0, { x: 0.7, y: 0.4 }))).not.toThrow();
    await el.updateComplete;
    expect(deep(el, '[data-testid="coach-error"]')?.textContent).toContain('Coaching stopped: bad frame');
    expect(el.screen).toBe('pick');
    expect(el.session).toBeNull();
    expect(huds.at(-1)).toBeNull();
    expect(overlay.highlights).toEqual({});
    el.remove();
  });

  it('listens to its frame source only while on the page, and falls silent when it leaves', async () => {
    const { el } = await mount();
    const listeners = new Set<(f: ReturnType<typeof frame>) => void>();
    el.frameSource = { onFrame: (l) => { listeners.add(l); return () => listeners.delete(l); } };
    await el.updateComplete;
    expect(listeners.size).toBe(1);
    el.startSession(toyExercise, { sets: [null], reps: 5, holdMs: null });
    for (const l of listeners) l(frame(0, null));
    await el.updateComplete;
    expect(el.session?.live?.visibility?.code).toBe('NO_PERSON'); // the source's frame reached the session
    let silenced = 0;
    el.voice.voice.silence = () => { silenced++; };
    el.remove();
    expect(listeners.size).toBe(0);
    expect(silenced).toBe(1);
    document.body.append(el); // put back: listens again
    await el.updateComplete;
    expect(listeners.size).toBe(1);
    el.remove();
  });

  it('frames arriving before a session starts do nothing and emit no cue', async () => {
    const { el, huds } = await mount();
    el.pushFrame(frame(0, { x: 0.9, y: 0.9 }));
    await el.updateComplete;
    expect(huds).toEqual([]);
    expect(el.screen).toBe('pick');
    el.remove();
  });
});
