// @vitest-environment happy-dom
// Screen Wake Lock while a set runs: taken at set start, given back at the end, taken again when the tab comes back
// (the browser drops it while hidden), and nothing breaks where the API is missing or refuses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WakeLockController } from '../../../src/ui/controllers/wake-lock-controller';

/** A navigator.wakeLock stand-in that behaves like the browser's: one sentinel per request, released on hide. */
function fakeWakeLock({ refuse = false } = {}) {
  const sentinels: Array<EventTarget & { released: boolean; release(): Promise<void> }> = [];
  const api = {
    request: vi.fn(async () => {
      if (refuse) throw new DOMException('refused', 'NotAllowedError');
      const s = Object.assign(new EventTarget(), {
        released: false,
        async release() { if (!s.released) { s.released = true; s.dispatchEvent(new Event('release')); } },
      });
      sentinels.push(s);
      return s;
    }),
  };
  Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: api });
  return { api, sentinels, held: () => sentinels.filter((s) => !s.released).length };
}

function setVisible(visible: boolean) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') });
  document.dispatchEvent(new Event('visibilitychange'));
}

function controller() {
  const host = { addController: vi.fn(), removeController: vi.fn(), requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) };
  const c = new WakeLockController(host);
  c.hostConnected();
  return c;
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => {
  setVisible(true);
  Reflect.deleteProperty(navigator, 'wakeLock');
});

describe('WakeLockController', () => {
  it('holds the screen on from set start to set end', async () => {
    const wl = fakeWakeLock();
    const c = controller();
    c.keepAwake(true);
    await flush();
    expect(wl.held()).toBe(1);
    expect(c.active).toBe(true);
    c.keepAwake(true); // a re-render while live asks again: still one lock
    await flush();
    expect(wl.api.request).toHaveBeenCalledTimes(1);
    c.keepAwake(false);
    await flush();
    expect(wl.held()).toBe(0);
    expect(c.active).toBe(false);
  });

  it('takes the lock again when the tab comes back during a set, not after the set ended', async () => {
    const wl = fakeWakeLock();
    const c = controller();
    c.keepAwake(true);
    await flush();
    setVisible(false);
    await wl.sentinels[0]!.release(); // what the browser does to a hidden tab
    expect(c.active).toBe(false);
    setVisible(true);
    await flush();
    expect(wl.api.request).toHaveBeenCalledTimes(2);
    expect(c.active).toBe(true);
    c.keepAwake(false);
    setVisible(false);
    setVisible(true);
    await flush();
    expect(wl.api.request).toHaveBeenCalledTimes(2);
    expect(wl.held()).toBe(0);
  });

  it('a set that ends before the lock is granted does not keep it', async () => {
    const wl = fakeWakeLock();
    const c = controller();
    c.keepAwake(true);
    c.keepAwake(false); // before the request resolved
    await flush();
    expect(wl.held()).toBe(0);
    expect(c.active).toBe(false);
  });

  it('without the API, or when the browser refuses, nothing breaks', async () => {
    const c = controller();
    expect(() => c.keepAwake(true)).not.toThrow();
    await flush();
    expect(c.active).toBe(false);
    c.keepAwake(false);
    const wl = fakeWakeLock({ refuse: true });
    c.keepAwake(true);
    await flush();
    expect(wl.api.request).toHaveBeenCalledTimes(1);
    expect(c.active).toBe(false);
  });
});
