// @vitest-environment happy-dom
// PoseSource start-up ordering: the camera and the model start together, so their results arrive in either order.
// The backend, camera and model are replaced by controllable fakes; what is checked is the status the UI is told.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PipelineStatus } from '../../../src/pose/pose-source';

const ctl = vi.hoisted(() => ({
  camera: null as null | { resolve(v: unknown): void; reject(e: unknown): void },
  model: null as null | { resolve(v: unknown): void; reject(e: unknown): void; progress(f: number): void },
}));

vi.mock('../../../src/pose/backend', async (orig) => ({
  ...(await orig<object>()),
  initBackend: async () => ({ backend: 'wasm', detail: 'test', attempts: [] }),
}));
vi.mock('../../../src/pose/camera', async (orig) => ({
  ...(await orig<object>()),
  openCamera: () => new Promise((resolve, reject) => { ctl.camera = { resolve, reject }; }),
}));
vi.mock('../../../src/pose/model-source', async (orig) => ({
  ...(await orig<object>()),
  modelIOHandler: (_id: string, report: (f: number) => void) => ({ report }),
}));
vi.mock('../../../src/pose/detector', async (orig) => ({
  ...(await orig<object>()),
  createPoseDetector: (_id: string, io: { report(f: number): void }) =>
    new Promise((resolve, reject) => { ctl.model = { resolve, reject, progress: io.report }; }),
}));

const { PoseSource } = await import('../../../src/pose/pose-source');
const { CameraError } = await import('../../../src/pose/camera');

const fakeDetector = { modelId: 'lightning', detect: async () => ({}), reset() {}, dispose() {} };
const flush = () => new Promise((r) => setTimeout(r, 0));

function start() {
  const statuses: PipelineStatus[] = [];
  // The main-thread engine: the module mocks above replace its backend, loader and detector.
  const src = new PoseSource({ status: (s) => statuses.push(s), info() {}, frame() {} }, 'lightning', { worker: false, modelBaseUrl: 'http://localhost/models' });
  src.attach(document.createElement('video'));
  void src.startCamera();
  return { statuses, last: () => statuses.at(-1) };
}

describe('PoseSource start-up', () => {
  beforeEach(() => { ctl.camera = null; ctl.model = null; });

  it('a camera refused while the model downloads stays an error (later progress does not hide it)', async () => {
    const s = start();
    await vi.waitFor(() => expect(ctl.model).not.toBeNull(), { timeout: 15_000 }); // the engine is imported on demand
    ctl.model!.progress(0.4);
    ctl.camera!.reject(new CameraError('permission-denied', 'Camera permission denied'));
    await flush();
    expect(s.last()).toMatchObject({ kind: 'error', error: { kind: 'camera', cameraError: 'permission-denied' } });
    ctl.model!.progress(1);
    ctl.model!.resolve(fakeDetector);
    await flush();
    expect(s.last()).toMatchObject({ kind: 'error', error: { kind: 'camera' } });
  });

  it('a model that is ready before the permission is answered says it waits for the camera', async () => {
    const s = start();
    await vi.waitFor(() => expect(ctl.model).not.toBeNull(), { timeout: 15_000 });
    ctl.model!.progress(1);
    expect(s.last()).toMatchObject({ kind: 'loading-model', progress: 1 });
    ctl.model!.resolve(fakeDetector);
    await vi.waitFor(() => expect(s.last()).toEqual({ kind: 'starting-source', source: 'camera' }), { timeout: 15_000 });
  });
});
