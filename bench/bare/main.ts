// Benchmark page (bench/, never shipped): the bare detector on the fake camera, for comparison with the full app.
// Same backend code, same model loader, same frame loop (PoseLoop: one inference at a time, drops while busy), but no
// smoothing, no rules, no coaching session and no rendering: onFrame does nothing. The per-frame trace goes to
// globalThis.__trainerTrace exactly as in the app.
import { initBackend } from '../../src/pose/backend';
import { createPoseDetector, type ModelId } from '../../src/pose/detector';
import { modelIOHandler } from '../../src/pose/model-source';
import { PoseLoop } from '../../src/pose/pose-loop';

const out = document.getElementById('out')!;
const state: { status: string; error?: string } = { status: 'starting' };
(globalThis as { __bareBench?: typeof state }).__bareBench = state;

async function main() {
  const p = new URLSearchParams(location.search);
  const modelId = (p.get('model') === 'thunder' ? 'thunder' : 'lightning') as ModelId;
  const backend = await initBackend('wasm');
  const detector = await createPoseDetector(modelId, modelIOHandler(modelId, undefined, new URL('models', location.href).href));
  const video = document.querySelector('video')!;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  await video.play();
  const loop = new PoseLoop({ video, detector, timeBase: 'clock', onFrame: () => undefined, onError: (e) => { state.status = 'error'; state.error = String(e); } });
  loop.start();
  state.status = `running (${backend.backend}, ${backend.detail})`;
  out.textContent = state.status;
}

main().catch((e) => { state.status = 'error'; state.error = String(e); out.textContent = String(e); });
