// VoiceController: the spoken side of a session for a Lit host: the countdown, "Go", form cues (with the
// cooldown in coach/voice-cooldown.ts), the end of a set, and the count on request. The host re-renders when the
// voice is switched on or off; speech stops when the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CoachEvent } from '../../coach/coach-session';
import { spokenCue } from '../../exercises-content/words';
import { Voice } from '../voice';

export class VoiceController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost, readonly voice: Voice = new Voice()) {
    host.addController(this);
  }


  /** Nothing keeps talking once the coach has left the page. */
  hostDisconnected(): void { this.voice.silence(); }

  get available(): boolean { return this.voice.available; }
  get enabled(): boolean { return this.voice.enabled; }
  /** Last thing said (or that would have been said with voice off), for tests and the screen. */
  get lastSaid(): string | null { return this.voice.lastSaid; }
  get error(): string | null { return this.voice.error; }

  setEnabled(on: boolean): void {
    this.voice.setEnabled(on);
    this.host.requestUpdate();
  }

  /** Says what the session's events call for; a rep is shown, and spoken only on request. */
  onEvents(events: readonly CoachEvent[], timestampMs: number): void {
    for (const e of events) {
      switch (e.type) {
        case 'countdown': this.voice.announce(String(e.seconds), timestampMs); break;
        case 'go': this.voice.announce('Go', timestampMs); break;
        case 'cue-on': this.voice.cue(`${e.cue.code}|${e.cue.side}`, spokenCue(e.cue.code, e.cue.side), timestampMs); break;
        case 'rep': break;
        case 'set-complete': this.voice.announce(e.lastSet ? 'Done. Well done.' : 'Set complete', timestampMs); break;
      }
    }
  }

  announce(text: string, timestampMs: number): void { this.voice.announce(text, timestampMs); }

  /** A new set: its cues may be said at once. */
  resetCooldown(): void { this.voice.resetCooldown(); }
}
