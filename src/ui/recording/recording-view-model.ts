// What the file analysis screens say, in words: times, progress, marks, and what the stage over the video shows at
// a replayed moment. No DOM, no math beyond formatting; the marks and their places come from coach/timeline.ts.
import type { FrameMoment } from '../../coach/recording';
import type { TimelineMark } from '../../coach/timeline';
import { cueLine, faultName, sideWord } from '../../exercises-content/words';
import type { FileAnalysis, FileAnalysisProgress } from '../../pose/pose-source';
import type { StageHud } from '../coach-stage-layer';

/** "0:07.2" (minutes, seconds and tenths of the file's time). */
export function clockText(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const min = Math.floor(tenths / 600);
  const sec = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${min}:${sec}`;
}

/** "about 12 s left", "about 2 min left", or "" while it cannot be estimated yet. */
export function timeLeftText(remainingMs: number | null): string {
  if (remainingMs === null || !Number.isFinite(remainingMs)) return 'estimating the time left…';
  const s = Math.ceil(remainingMs / 1000);
  if (s <= 1) return 'almost done';
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

export interface ProgressModel { percent: number; text: string; detail: string }

export function progressModel(p: FileAnalysisProgress | null): ProgressModel {
  if (!p) return { percent: 0, text: 'Starting…', detail: '' };
  const percent = Math.floor(p.fraction * 100);
  const speed = p.elapsedMs > 0 ? p.mediaMs / p.elapsedMs : 0;
  return {
    percent,
    text: `${percent} % · ${timeLeftText(p.remainingMs)}`,
    detail: `${p.framesAnalysed} frames · ${clockText(p.mediaMs)} of ${clockText(p.durationMs)}${speed > 0 ? ` · ${speed.toFixed(1)}× real time` : ''}`,
  };
}

/** "3.2× real time": the file's length over the time its analysis took. */
export function speedText(a: Pick<FileAnalysis, 'elapsedMs' | 'info'> | null): string {
  return a && a.elapsedMs > 0 ? `${(a.info.durationMs / a.elapsedMs).toFixed(1)}× real time` : '–';
}

/** A mark's short name, for its button's label and tooltip. */
export function markTitle(m: TimelineMark, sets: number): string {
  const inSet = sets > 1 ? `, set ${m.setIndex + 1}` : '';
  const when = `${clockText(m.startMs)}–${clockText(m.endMs)}`;
  switch (m.kind) {
    case 'rep': return `Rep ${m.index}${m.side === 'left' || m.side === 'right' ? ` (${sideWord(m.side)})` : ''}${inSet}, ${when}${m.faults.length ? `: ${m.faults.map((f) => faultName(f)).join(', ')}` : ''}`;
    case 'hold': return `Hold${m.side === 'left' || m.side === 'right' ? ` on the ${sideWord(m.side)} leg` : ''}${inSet}, ${when}`;
    case 'fault': return `${m.severity === 'fault' ? 'Fault' : 'Warning'}: ${faultName(m.code, m.side)}${inSet}, ${when}`;
    case 'set': return `Set ${m.setIndex + 1} from ${clockText(m.startMs)}`;
  }
}

/** The stage over the video at a replayed moment: the cue that was shown then, or nothing. */
export function replayHud(moment: FrameMoment | null): StageHud | null {
  if (!moment?.cue) return null;
  return {
    gate: { status: 'counting', sinceMs: null }, setupText: '', go: false,
    cue: { text: cueLine(moment.cue.code, moment.cue.side), severity: moment.cue.severity },
    info: '', count: null, placement: null, placementOk: false,
  };
}
