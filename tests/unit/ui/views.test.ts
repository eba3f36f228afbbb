// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../../src/ui/exercise-picker';
import '../../../src/ui/single-leg-report-view';
import '../../../src/ui/live-panel';
import { planSides, type StartSessionDetail } from '../../../src/ui/exercise-picker';
import type { SingleLegReport, LegTrial } from '../../../src/coach/single-leg-report';
import type { LivePanelModel } from '../../../src/ui/live-panel';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('<exercise-picker>', () => {
  const exercises = [
    { id: 'single-leg-stand', name: 'Single-leg stand test', group: 'test' as const, view: 'front' as const, sided: true },
    { id: 'squat', name: 'Squat', group: 'strength' as const, view: 'front' as const, sided: false },
    { id: 'side-plank', name: 'Side plank', group: 'hold' as const, view: 'front' as const, sided: true },
    { id: 'new-thing', name: 'Brand new', group: 'strength' as const, view: 'side' as const, sided: false, description: 'Something added later.' },
  ];
  it('lists every exercise under its group, with targets', async () => {
    const el = await mount('exercise-picker', { exercises });
    const headings = [...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Tests', 'Strength', 'Holds']);
    expect(el.shadowRoot!.querySelectorAll('[data-exercise]').length).toBe(4);
    expect(text(el)).toContain('3 × 10 reps');
    expect(text(el)).toContain('3 × 30 s');
    el.remove();
  });
  it('shows the how-to with limits and starts a both-legs test plan', async () => {
    const el = await mount('exercise-picker', { exercises });
    (el.shadowRoot!.querySelector('[data-exercise="single-leg-stand"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(el)).toContain('What a single camera cannot judge');
    expect(text(el)).toContain('not a diagnosis');
    let detail: StartSessionDetail | null = null;
    el.addEventListener('start-session', (e) => { detail = e.detail; });
    (el.shadowRoot!.querySelector('[data-testid="start"]') as HTMLButtonElement).click();
    expect(detail).toEqual({ exerciseId: 'single-leg-stand', plan: { sets: ['left', 'right'], reps: null, holdMs: 30000, holds: 1 } });
    el.remove();
  });
  it('gives an exercise without its own text a generic card from its definition', async () => {
    const el = await mount('exercise-picker', { exercises });
    (el.shadowRoot!.querySelector('[data-exercise="new-thing"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(text(el)).toContain('Something added later.');
    expect(text(el)).toContain('Side view');
    el.remove();
  });
  it('plans sides', () => {
    expect(planSides(true, 'both', 2)).toEqual(['left', 'right', 'left', 'right']);
    expect(planSides(true, 'right', 2)).toEqual(['right', 'right']);
    expect(planSides(false, 'both', 2)).toEqual([null, null]);
  });
});

describe('<single-leg-report-view>', () => {
  const leg = (side: 'left' | 'right', over: Partial<LegTrial>): LegTrial => ({
    side, holdMs: 30000, targetMs: 30000, reachedTarget: true, endReason: 'target', peakDropDeg: 3, meanDropDeg: 1.5,
    peakTrunkLeanDeg: 2, meanTrunkLeanDeg: 1, dropCueCount: 0, trunkCueCount: 0, verdict: 'level', obliquity: { tS: [0, 1, 2], deg: [1, 2, 3] }, ...over,
  });
  it('puts both legs side by side with numbers, careful verdicts and a plot each', async () => {
    const report: SingleLegReport = {
      left: leg('left', {}),
      right: leg('right', { holdMs: 12400, reachedTarget: false, peakDropDeg: 9.6, meanDropDeg: 6.2, verdict: 'pelvic-drop' }),
      comparison: { holdMsDiff: -17600, meanDropDegDiff: 4.7, worseSide: 'right' },
    };
    const el = await mount('single-leg-report-view', { report });
    const q = (id: string) => el.shadowRoot!.querySelector(`[data-testid="${id}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(q('hold-left')).toBe('30.0 s / 30 s');
    expect(q('hold-right')).toBe('12.4 s / 30 s');
    expect(q('peak-right')).toBe('9.6°');
    expect(q('verdict-left')).toContain('Pelvis stayed about level');
    expect(q('verdict-right')).toContain('⚠');
    expect(q('verdict-right')).toContain('dropped');
    expect(q('comparison')).toContain('dropped more while standing on the right leg');
    expect(text(el)).toContain('screening aid, not a diagnosis');
    expect(el.shadowRoot!.querySelectorAll('data-chart').length).toBe(2);
    el.remove();
  });
});

describe('<live-panel>', () => {
  const model: LivePanelModel = {
    exerciseName: 'Squat', setNo: 2, setCount: 3, sideLabel: null, status: 'counting', statusText: 'Counting',
    reps: 4, repTarget: 10, hold: null, measures: [{ label: 'Knee angle (FPPA) (left)', value: '12°' }],
    cue: { text: 'Push the knee out (left)', severity: 'fault' }, voiceAvailable: false, voiceOn: false, recording: null,
  };
  it('shows the count, the cue with an icon (not colour alone) and the live angle', async () => {
    const el = await mount('live-panel', { model });
    const cue = el.shadowRoot!.querySelector('[data-testid="live-cue"]')!;
    expect(cue.textContent!.trim()).toBe('⚠ Push the knee out (left)');
    expect(cue.getAttribute('aria-live')).toBe('polite');
    expect(el.shadowRoot!.querySelector('[data-testid="rep-count"]')!.textContent!.replace(/\s+/g, '')).toBe('4/10');
    expect(text(el)).toContain('12°');
    expect(text(el)).toContain('Voice cues (not available in this browser)');
    expect(el.shadowRoot!.querySelector('[data-testid="hold-time"]')).toBeNull();
    el.remove();
  });
});

import { howToFor } from '../../../src/exercises-content/howto';
describe('howToFor', () => {
  it('lists the rule\'s own limitations when the definition carries them', () => {
    const base = { id: 'squat', name: 'Squat', group: 'strength' as const, view: 'front' as const };
    expect(howToFor(base).cannotJudge[0]).toMatch(/Depth/);
    expect(howToFor({ ...base, limitations: ['Toe direction.'] }).cannotJudge).toEqual(['Toe direction.']);
    expect(howToFor({ ...base, id: 'x', howTo: 'Do it slowly.' }).setup).toEqual(['Do it slowly.']);
  });
});
