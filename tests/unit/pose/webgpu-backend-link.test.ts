// The stand-in for pose-detection's static WebGPU import (src/pose/webgpu-backend-link.ts): its exports are live
// bindings, so code that imported them before the backend was loaded sees the real backend once it is linked.
import { describe, expect, it } from 'vitest';
import * as link from '../../../src/pose/webgpu-backend-link';

describe('WebGPU backend link', () => {
  it('is a class nothing is an instance of until linked, then the real backend for every importer', async () => {
    const before = link.WebGPUBackend;
    expect({} instanceof before).toBe(false);
    const real = { WebGPUBackend: class RealBackend {}, webgpu_util: { computeDispatch: () => [1, 1, 1] } };
    link.linkWebGPUBackend(real as unknown as Parameters<typeof link.linkWebGPUBackend>[0]);
    // A namespace import reads the binding at each access, like pose-detection's bundled import does.
    expect(link.WebGPUBackend).toBe(real.WebGPUBackend);
    expect(new real.WebGPUBackend() instanceof link.WebGPUBackend).toBe(true);
    expect(link.webgpu_util).toBe(real.webgpu_util);
  });
});
