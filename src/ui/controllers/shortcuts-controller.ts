// ShortcutsController: keyboard shortcuts for a Lit host while it is on the page (space: start or end the set,
// V: voice, F: full screen). A key typed into a form field is never taken, and space on a focused button or link
// is left to that button (the browser presses it), so nothing fires twice.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ShortcutKey = 'space' | 'v' | 'f';

const FIELD = /^(INPUT|TEXTAREA|SELECT)$/;
const PRESSABLE = /^(BUTTON|A|SUMMARY)$/;

/** The shortcut a keydown stands for, or null when it must be left alone (typing, modifiers, a focused control). */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat' | 'defaultPrevented' | 'composedPath'>): ShortcutKey | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || e.defaultPrevented) return null;
  const target = e.composedPath()[0] as Partial<HTMLElement> | undefined;
  const tag = target?.tagName ?? '';
  if (FIELD.test(tag) || target?.isContentEditable) return null;
  const key = e.key === ' ' || e.key === 'Spacebar' ? 'space' : e.key.toLowerCase();
  if (key === 'space') return PRESSABLE.test(tag) || target?.getAttribute?.('role') === 'button' ? null : 'space';
  return key === 'v' || key === 'f' ? key : null;
}

/** What space means on each screen. */
export type SpaceAction = 'end-set' | 'next-set' | 'next-exercise' | 'start-selected';
export interface SpaceContext {
  screen: string;
  /** A session is open (not only the picker). */
  session: boolean;
  /** The camera placement check runs, or the set already ended: space does nothing on the live screen. */
  liveBusy: boolean;
  /** Every set of the exercise is done. */
  finished: boolean;
  /** A programme exercise follows this one. */
  nextItem: boolean;
}

/** Space: end the running set; after a set, the next set or the programme's next exercise; on the picker, start. */
export function spaceAction(c: SpaceContext): SpaceAction | null {
  switch (c.screen) {
    case 'live': return c.session && !c.liveBusy ? 'end-set' : null;
    case 'summary': return !c.session ? null : !c.finished ? 'next-set' : c.nextItem ? 'next-exercise' : null;
    case 'pick': return 'start-selected';
    default: return null;
  }
}

export class ShortcutsController implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly handle: (key: ShortcutKey) => boolean) {
    host.addController(this);
  }

  private onKey = (e: KeyboardEvent): void => {
    const key = shortcutFor(e);
    if (key && this.handle(key)) e.preventDefault();
  };

  hostConnected(): void { window.addEventListener('keydown', this.onKey); }
  hostDisconnected(): void { window.removeEventListener('keydown', this.onKey); }
}
