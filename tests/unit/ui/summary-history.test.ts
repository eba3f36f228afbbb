// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import '../../../src/ui/set-summary-view';
import '../../../src/ui/history-view';
import { createLiveSet, foldFindings } from '../../../src/coach/live-set';
import { summariseSet } from '../../../src/coach/set-summary';
import type { SessionRecord } from '../../../src/storage/session-record';
import { cue, rep } from '../coach/findings-helpers';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('<set-summary-view>', () => {
  it('lists faults by count with words and icons, and left/right differences in degrees', async () => {
    let s = createLiveSet('squat', null);
    s = foldFindings(s, [cue('KNEE_VALGUS', 0, 'fault', 'left')], 0);
    s = foldFindings(s, [rep(1, 100, { peakFppaLeftDeg: 14, peakFppaRightDeg: 4 }, 'both', ['KNEE_VALGUS'])], 100);
    s = foldFindings(s, [cue('KNEE_VALGUS', 200, 'fault', 'left')], 200);
    s = foldFindings(s, [rep(2, 300, { peakFppaLeftDeg: 16, peakFppaRightDeg: 6 }, 'both', ['KNEE_VALGUS'])], 300);
    const el = await mount('set-summary-view', { summary: summariseSet(s, { preferredMetrics: ['peakFppaLeftDeg'] }) });
    const cells = (sel: string) => [...el.shadowRoot!.querySelectorAll(sel)].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(cells('[data-testid="fault-table"] tbody tr')).toEqual([['⚠ Knee caving in (left)', '2', '2']]);
    expect(cells('[data-testid="asymmetry"] tbody tr')[0]).toEqual(['Peak knee valgus (FPPA)', '15°', '5°', '−10°']);
    expect(el.shadowRoot!.querySelector('data-chart')!.getAttribute('caption')).toBe('Peak knee valgus (FPPA) per rep (+ = knee inside the hip-ankle line (caving in), − = outside (knees out))');
    el.remove();
  });
});

describe('<history-view>', () => {
  const rec: SessionRecord = {
    id: 'a', schemaVersion: 1, exerciseId: 'squat', exerciseName: 'Squat', group: 'strength', startedAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z',
    sets: [{ exerciseId: 'squat', side: null, startedAtMs: 0, durationMs: 1, repCount: 7, reps: [], mainMetric: null, holds: [], faults: [], repFaults: [], asymmetry: [], series: [] }],
  };
  it('shows the storage error, marks memory-only sessions and asks before deleting', async () => {
    const el = await mount('history-view', { records: [rec], unsaved: ['a'], error: 'Storage is full: kept in memory only.', invalid: 2 });
    expect(el.shadowRoot!.querySelector('[data-testid="storage-error"]')!.getAttribute('role')).toBe('alert');
    expect(text(el)).toContain('2 stored session(s) could not be read');
    expect(text(el)).toContain('not saved: memory only');
    expect(text(el)).toContain('7 reps');
    const deleted: string[] = [];
    el.addEventListener('delete-session', (e) => deleted.push(e.detail));
    (el.shadowRoot!.querySelector('[data-testid="history-item"] button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(deleted).toEqual([]); // first click only asks
    (el.shadowRoot!.querySelector('[data-testid="confirm-delete"]') as HTMLButtonElement).click();
    expect(deleted).toEqual(['a']);
    el.remove();
  });
});
