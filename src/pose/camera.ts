// Webcam access: getUserMedia with typed errors a person can act on, camera listing, and clean stop.
// The browser's DOMException names are mapped to a small set of kinds; the UI words them.
import { errorText } from '../core/error-text';

export type CameraErrorKind =
  | 'permission-denied' // the user or a policy blocked the camera
  | 'no-camera' // no video input device (or the chosen one is gone)
  | 'camera-in-use' // the device exists but cannot be opened (another app holds it, driver error)
  | 'unplugged' // the track ended during the session
  | 'insecure-context' // camera APIs exist only on https or localhost
  | 'unknown';

export class CameraError extends Error {
  constructor(readonly kind: CameraErrorKind, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'CameraError';
  }
}

export interface CameraInfo { deviceId: string; label: string }

export interface CameraSession {
  readonly stream: MediaStream;
  readonly deviceId: string;
  readonly label: string;
  /** Called once if the camera goes away mid-session (unplugged, revoked, taken by the OS). Not called on stop(). */
  onEnded(listener: (error: CameraError) => void): void;
  stop(): void;
}

export interface CameraOptions {
  deviceId?: string;
  /** Requested, not guaranteed. 640x480 is plenty for MoveNet (192 or 256 px input) and cheap to copy. */
  idealWidthPx?: number;
  idealHeightPx?: number;
}

/** Maps a getUserMedia rejection to a CameraError. Exported for tests. */
export function toCameraError(e: unknown, requestedDeviceId?: string): CameraError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const detail = errorText(e);
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CameraError('permission-denied', 'Camera access was blocked. Allow the camera for this page in the browser (the icon in the address bar), then try again.', e);
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return new CameraError('no-camera', 'No camera was found. Connect a webcam, or analyse a video file instead.', e);
    case 'OverconstrainedError':
      return requestedDeviceId
        ? new CameraError('no-camera', 'The chosen camera is no longer available. Pick another camera.', e)
        : new CameraError('camera-in-use', `The camera cannot deliver the requested video (${detail}).`, e);
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CameraError('camera-in-use', 'The camera could not be started. It may be in use by another application: close it and try again.', e);
    default:
      return new CameraError('unknown', `The camera could not be started: ${detail}`, e);
  }
}

function mediaDevices(): MediaDevices {
  if (!globalThis.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    throw new CameraError('insecure-context', 'This browser offers no camera here. Open the app on http://localhost or over https.');
  }
  return navigator.mediaDevices;
}

/** Video inputs. Labels are empty until the user has granted camera access once. */
export async function listCameras(): Promise<CameraInfo[]> {
  const devices = await mediaDevices().enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

export async function openCamera(options: CameraOptions = {}): Promise<CameraSession> {
  const md = mediaDevices();
  const video: MediaTrackConstraints = {
    width: { ideal: options.idealWidthPx ?? 640 },
    height: { ideal: options.idealHeightPx ?? 480 },
    ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : { facingMode: 'user' }),
  };
  let stream: MediaStream;
  try {
    stream = await md.getUserMedia({ video, audio: false });
  } catch (e) {
    const gone = e instanceof Error && (e.name === 'OverconstrainedError' || e.name === 'NotFoundError');
    if (!(options.deviceId && gone)) throw toCameraError(e, options.deviceId);
    // The remembered camera is gone (unplugged since the last visit, or its id rotated when site data was cleared).
    // Without this, a one-camera user has no picker to choose another and could never start: open the default one
    // instead (its label is shown). (`ideal` deviceId does not do this: Chromium then ignores the choice.)
    const { deviceId: _, ...anyCamera } = video;
    try {
      stream = await md.getUserMedia({ video: { ...anyCamera, facingMode: 'user' }, audio: false });
    } catch (e2) {
      throw toCameraError(e2);
    }
  }
  const track = stream.getVideoTracks()[0];
  if (!track) {
    stream.getTracks().forEach((t) => t.stop());
    throw new CameraError('no-camera', 'The camera delivered no video track.');
  }
  let stopped = false;
  const listeners: Array<(error: CameraError) => void> = [];
  track.addEventListener('ended', () => {
    if (stopped) return;
    const err = new CameraError('unplugged', 'The camera stopped (unplugged, or taken by another application). Reconnect it and press Start camera.');
    listeners.splice(0).forEach((l) => l(err));
  });
  return {
    stream,
    deviceId: track.getSettings().deviceId ?? options.deviceId ?? '',
    label: track.label,
    onEnded: (l) => { listeners.push(l); },
    stop() {
      stopped = true;
      stream.getTracks().forEach((t) => t.stop());
    },
  };
}
