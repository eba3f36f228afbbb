// Benchmark page (bench/, never shipped): the bare detector on the fake camera, for comparison with the full app.
// Same backend code, same model loader, same frame loop (PoseLoop: one inference at a time, drops while busy), but
// on the main thread (no worker), with no smoothing, no rules, no coaching session and no rendering: onFrame does
// nothing. The per-frame trace goes to globalThis.__trainerTrace exactly as in the app.
import { createLocalEngine } from '../../src/pose/local-engine';
import type { ModelId } from '../../src/pose/models';
import { PoseLoop } from '../../src/pose/pose-loop';

const out = document.getElementById('out')!;
const state: { status: string; error?: string } = { status: 'starting' };
(globalThis as { __bareBench?: typeof state }).__bareBench = state;

/** `?detect=off`: the camera picture only, no model: the browser's own main-thread cost of showing the video. */
async function videoOnly() {
  const video = document.querySelector('video')!;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  await video.play();
  state.status = 'video only';
  out.textContent = state.status;
}

async function main() {
  const p = new URLSearchParams(location.search);
  if (p.get('detect') === 'off') return videoOnly();
  const modelId = (p.get('model') === 'thunder' ? 'thunder' : 'lightning') as ModelId;
  const engine = createLocalEngine();
  const noop = () => undefined;
  const backend = await engine.load(modelId, { backend: 'wasm', modelBaseUrl: new URL('models', location.href).href }, { loadingBackend: noop, backend: noop, progress: noop });
  const video = document.querySelector('video')!;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  await video.play();
  const loop = new PoseLoop({ video, analyse: engine.analyse, timeBase: 'clock', onFrame: noop, onError: (e) => { state.status = 'error'; state.error = String(e); } });
  loop.start();
  state.status = `running (${backend.backend}, ${backend.detail})`;
  out.textContent = state.status;
}

main().catch((e) => { state.status = 'error'; state.error = String(e); out.textContent = String(e); });
