// Every way getUserMedia can refuse, mapped to a kind the UI words and a message that tells the user what to do.
// Pure mapping (src/pose/camera.ts toCameraError); the browser paths are in tests/e2e (permission denied,
// unplugged mid-set, stale saved camera).
import { describe, expect, it } from 'vitest';
import { toCameraError } from '../../src/pose/camera';

describe('camera errors a person can act on', () => {
  it.each([
    ['NotAllowedError', 'permission-denied', /allow the camera/i],
    ['PermissionDeniedError', 'permission-denied', /allow the camera/i],
    ['SecurityError', 'permission-denied', /allow the camera/i],
    ['NotFoundError', 'no-camera', /connect a webcam|video file/i],
    ['DevicesNotFoundError', 'no-camera', /connect a webcam|video file/i],
    ['NotReadableError', 'camera-in-use', /another application/i],
    ['TrackStartError', 'camera-in-use', /another application/i],
    ['AbortError', 'camera-in-use', /another application/i],
    ['OverconstrainedError', 'camera-in-use', /cannot deliver/i],
    ['SomethingNewError', 'unknown', /could not be started/i],
  ])('%s -> %s', (name, kind, words) => {
    const e = toCameraError(new DOMException('detail from the browser', name));
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(words);
    expect(e.cause).toBeInstanceOf(DOMException); // the original is kept for diagnosis
  });

  it('a chosen camera that is gone is told as such', () => {
    const e = toCameraError(new DOMException('', 'OverconstrainedError'), 'some-device-id');
    expect(e.kind).toBe('no-camera');
    expect(e.message).toMatch(/no longer available/i);
  });

  it('a non-DOMException (a string thrown by a shim) still gives a message', () => {
    const e = toCameraError('weird failure');
    expect(e.kind).toBe('unknown');
    expect(e.message).toContain('weird failure');
  });
});
