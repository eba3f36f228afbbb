// Words for the pipeline's states. Data in (pipeline status, what is visible), a banner message out; no DOM.
import type { BodyVisibility } from '../pose/pose-status';
import type { PipelineStatus } from '../pose/pose-source';
import type { BannerMessage } from './status-banner';

const MODEL_NAMES = { lightning: 'MoveNet Lightning', thunder: 'MoveNet Thunder' } as const;

const CAMERA_TITLES = {
  'permission-denied': 'Camera permission denied',
  'no-camera': 'No camera found',
  'camera-in-use': 'The camera is busy',
  unplugged: 'The camera was disconnected',
  'insecure-context': 'Camera not available on this address',
  unknown: 'The camera could not start',
} as const;

const JOINT_WORDS: Record<string, string> = {
  left_hip: 'hips', right_hip: 'hips', left_knee: 'knees', right_knee: 'knees', left_ankle: 'ankles', right_ankle: 'ankles',
};

/** The banner for the current state; null when there is nothing to say (running, whole body visible). */
export function bannerFor(status: PipelineStatus, visibility: BodyVisibility | null): BannerMessage | null {
  switch (status.kind) {
    case 'idle':
      return { code: 'idle', tone: 'info', title: 'Choose the camera or a video file to start.' };
    case 'loading-backend':
      return { code: 'loading-backend', tone: 'info', title: 'Starting the pose engine…' };
    case 'loading-model':
      return { code: 'loading-model', tone: 'info', title: `Loading the pose model (${MODEL_NAMES[status.modelId]})… ${Math.round(status.progress * 100)} %`, progress: status.progress };
    case 'starting-source':
      return status.source === 'camera'
        ? { code: 'starting-camera', tone: 'info', title: 'Starting the camera…', detail: 'If the browser asks, allow the camera. Video stays on this device.' }
        : { code: 'opening-file', tone: 'info', title: 'Opening the video…' };
    case 'hidden':
      return { code: 'paused-hidden', tone: 'info', title: 'Paused while the tab is in the background.' };
    case 'error': {
      const e = status.error;
      switch (e.kind) {
        case 'camera':
          return { code: `camera-${e.cameraError}`, tone: 'error', title: CAMERA_TITLES[e.cameraError], detail: e.message };
        case 'model':
          return { code: 'model-failed', tone: 'error', title: `The pose model failed to load: ${e.file}`, detail: e.message };
        case 'backend':
          return { code: 'backend-failed', tone: 'error', title: 'This browser cannot run the pose model', detail: e.message };
        case 'video-file':
          return { code: 'video-file-failed', tone: 'error', title: 'This file cannot be analysed', detail: e.message };
        case 'inference':
          return { code: 'inference-failed', tone: 'error', title: 'Pose detection stopped', detail: e.message };
      }
      break;
    }
    case 'running':
      break;
  }
  if (!visibility) return null;
  if (visibility.kind === 'no-person') {
    return { code: 'no-person', tone: 'warn', title: 'No person in view', detail: 'Stand in front of the camera, 2–3 m away, with your whole body in the picture.' };
  }
  if (visibility.kind === 'partial') {
    const parts = [...new Set(visibility.missing.map((n) => JOINT_WORDS[n] ?? n))];
    return { code: 'step-back', tone: 'warn', title: 'Step back so your whole body is visible', detail: `Not visible: ${parts.join(', ')}.` };
  }
  return null;
}

/**
 * Why a set in progress gets no frames (camera stopped, tab hidden, loading...), for the coach's live panel; null while
 * frames flow. The coach then shows this instead of "Counting" / "Form looks good" from the last frame.
 */
export function pausedText(status: PipelineStatus): string | null {
  if (status.kind === 'running') return null;
  const title = bannerFor(status, null)?.title.replace(/[.…]+$/, '') ?? 'No picture';
  return `Paused: ${title}. Reps so far are kept`;
}
