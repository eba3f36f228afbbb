// Stands in for `@mediapipe/pose` (aliased in vite.config.ts). pose-detection imports it for its BlazePose
// "mediapipe" runtime, which we never use (we run MoveNet on the tfjs runtime). The real package is a classic
// script with no ES exports, which vite cannot pre-bundle; and it would fetch its solution files from a CDN.
export class Pose {
  constructor() {
    throw new Error('@mediapipe/pose is not bundled: this app runs pose models on the TensorFlow.js runtime only');
  }
}
