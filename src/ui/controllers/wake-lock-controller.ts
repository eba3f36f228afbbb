// Keeps the screen on while a set runs (Screen Wake Lock API): on a phone or a laptop on battery the screen would
// otherwise dim in the middle of a 30 s hold. The browser drops the lock whenever the tab is hidden; it is taken
// again when the tab is visible and a set still runs. Where the API is missing or refuses (battery saver, policy),
// nothing else changes: the screen may dim, as before.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class WakeLockController implements ReactiveController {
  private wanted = false;
  private sentinel: WakeLockSentinel | null = null;
  private requesting = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether the screen is being kept on now. */
  get active(): boolean {
    return this.sentinel !== null;
  }

  /** true while a set runs, false when it ends: the one call the host makes. */
  keepAwake(on: boolean): void {
    if (on === this.wanted) return;
    this.wanted = on;
    if (on) void this.acquire();
    else this.release();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.wanted = false;
    this.release();
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible' && this.wanted) void this.acquire();
  };

  private async acquire(): Promise<void> {
    const api = 'wakeLock' in navigator ? navigator.wakeLock : undefined;
    if (!api || this.sentinel || this.requesting || document.visibilityState !== 'visible') return;
    this.requesting = true;
    try {
      const sentinel = await api.request('screen');
      if (!this.wanted) { void sentinel.release().catch(() => undefined); return; }
      this.sentinel = sentinel;
      // Released by the browser (tab hidden, power saving): forget it so the next visibility change takes it again.
      sentinel.addEventListener('release', () => { if (this.sentinel === sentinel) this.sentinel = null; });
    } catch {
      // Refused (not visible any more, battery saver, permissions policy): the screen may dim; coaching goes on.
    } finally {
      this.requesting = false;
    }
  }

  private release(): void {
    const s = this.sentinel;
    this.sentinel = null;
    void s?.release().catch(() => undefined);
  }
}
