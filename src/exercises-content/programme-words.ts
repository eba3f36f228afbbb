// Words for the programme screens: Today's status, a session's and an exercise's state, why an exercise was not
// clean, where a track stands. The numbers come from src/programme; only the words live here.
import type { ItemEvaluation } from '../programme/clean';
import type { TrackLevel } from '../programme/progression';
import type { ItemState, OccurrenceState, ProgrammeState } from '../programme/today';

export const OCCURRENCE_WORDS: Record<OccurrenceState, { icon: string; word: string }> = {
  pending: { icon: '○', word: 'To do' },
  'in-progress': { icon: '▶', word: 'In progress' },
  partial: { icon: '◐', word: 'Partly done' },
  done: { icon: '✓', word: 'Done' },
  skipped: { icon: '⤼', word: 'Skipped' },
};

export const ITEM_WORDS: Record<ItemState, { icon: string; word: string }> = {
  todo: { icon: '○', word: 'to do' },
  done: { icon: '✓', word: 'done' },
  skipped: { icon: '⤼', word: 'skipped' },
};

/** "Week 2, session 1" (and "again" for a repeat). */
export const sessionName = (o: { week: number; index: number; repeat: number }): string =>
  `Week ${o.week}, session ${o.index}${o.repeat ? ' (again)' : ''}`;

/** Today's headline. */
export function todayHeadline(st: ProgrammeState, startDay: string): string {
  const o = st.occurrence;
  switch (st.status) {
    case 'not-started': return `The programme starts on ${startDay}${o ? `. First: ${sessionName(o)}` : ''}`;
    case 'in-progress': return o ? `Carry on with ${sessionName(o)}` : 'Carry on';
    case 'ready': return o ? `Next: ${sessionName(o)}` : 'Next session';
    case 'done-today': return o ? `Done for today ✓ Next time: ${sessionName(o)}` : 'Done for today ✓';
    case 'finished': return 'Programme finished ✓ Every session is done or skipped.';
  }
}

/** How a done exercise went, in a few words. */
export function evaluationWords(e: ItemEvaluation | null): string | null {
  if (!e) return null;
  if (e.clean === null) return e.completed ? 'measured' : 'not finished';
  if (e.clean) return e.reps ? `clean form (${e.cleanReps} of ${e.reps} reps without a warning)` : `clean form (${e.holdsOnTarget} of ${e.holds} holds on target)`;
  const why = e.problems.map((p) => {
    switch (p) {
      case 'no-sets': return 'nothing recorded';
      case 'sets-missing': return 'not every set done';
      case 'rep-faults': return `${e.cleanReps} of ${e.reps} reps without a warning`;
      case 'holds-short': return `${e.holdsOnTarget} of ${e.holds} holds reached the target`;
      case 'hold-cues': return `${e.cueOnsets} form cue${e.cueOnsets === 1 ? '' : 's'} in ${e.holds} holds`;
    }
  });
  return `not counted as clean: ${why.join('; ')}`;
}

/** Where a track stands and what moves it. */
export function levelWords(l: TrackLevel): string {
  if (l.locked) return 'Kept at this step by you';
  if (l.atTop) return 'Top step reached';
  const n = l.sessionsToNextStep;
  return `${n} more clean session${n === 1 ? '' : 's'} in a row to move up`;
}
