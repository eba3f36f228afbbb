// Creates the MoveNet detector from weights we serve ourselves (models/), never from a hub.
// Shared by the browser app and the Node recorder; the caller has already picked and readied a tfjs backend.
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { io } from '@tensorflow/tfjs-core';
import { toPoseFrame } from './to-pose-frame';
import type { PoseFrame } from '../core/pose-frame';
import type { ModelId } from './models';

export { MODEL_FILES, MODEL_IDS, MODEL_VERSIONS, type ModelId } from './models';

export interface PoseDetector {
  readonly modelId: ModelId;
  /** Runs the model on one image; `timestampMs` is the capture time. Returns an unsmoothed frame. */
  detect(image: poseDetection.PoseDetectorInput, size: { widthPx: number; heightPx: number }, timestampMs: number): Promise<PoseFrame>;
  /** Forget the crop region tracked from earlier frames (new source, seek). */
  reset(): void;
  dispose(): void;
}

export async function createPoseDetector(modelId: ModelId, modelUrl: string | io.IOHandler): Promise<PoseDetector> {
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
    modelType: modelId === 'thunder'
      ? poseDetection.movenet.modelType.SINGLEPOSE_THUNDER
      : poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING,
    modelUrl,
    // Our own One Euro filter (pose/smoothing.ts) runs after this, configurable and identical in app and recorder.
    enableSmoothing: false,
  });
  return {
    modelId,
    async detect(image, size, timestampMs) {
      const poses = await detector.estimatePoses(image, { flipHorizontal: false }, timestampMs);
      return toPoseFrame(poses, size, timestampMs);
    },
    reset: () => detector.reset(),
    dispose: () => detector.dispose(),
  };
}
