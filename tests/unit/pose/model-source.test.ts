// The browser model loader names the file that failed and reports byte progress. fetch is replaced by a tiny
// in-memory server holding a real (small) model: the real Lightning JSON's weightsManifest points at one .bin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelLoadError, modelIOHandler } from '../../../src/pose/model-source';

const MODELS = join(__dirname, '..', '..', '..', 'models');
const BASE = 'http://localhost/models';

type Route = { status?: number; type?: string; body?: Uint8Array | string };

function serve(routes: Record<string, Route>) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = url.split('/').pop()!;
    const r = routes[name];
    if (!r) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const src = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body ?? new Uint8Array();
    const body = new Uint8Array(src.byteLength);
    body.set(src);
    return new Response(body, {
      status: r.status ?? 200,
      headers: { 'content-type': r.type ?? 'application/octet-stream', 'content-length': String(body.byteLength) },
    });
  });
}

const realJson = () => readFileSync(join(MODELS, 'movenet-lightning.json'));
const realBin = () => readFileSync(join(MODELS, 'movenet-lightning.bin'));

describe('modelIOHandler', () => {
  beforeEach(() => { vi.stubGlobal('location', { href: 'http://localhost/' }); });
  afterEach(() => { vi.unstubAllGlobals(); });

  it('loads topology and weights and reports progress up to 1', async () => {
    vi.stubGlobal('fetch', serve({
      'movenet-lightning.json': { type: 'application/json', body: realJson() },
      'movenet-lightning.bin': { body: realBin() },
    }));
    const progress: number[] = [];
    const artifacts = await modelIOHandler('lightning', (p) => progress.push(p), BASE).load!();
    expect(artifacts.modelTopology).toBeTruthy();
    const wd = artifacts.weightData!;
    const bytes = Array.isArray(wd) ? wd.reduce((n, b) => n + b.byteLength, 0) : wd.byteLength;
    expect(bytes).toBe(realBin().byteLength);
    expect(progress.at(-1)).toBe(1);
    // The JSON alone must not look like a finished download (it is 3 % of the bytes).
    expect(progress.filter((p) => p > 0)[0]).toBeLessThanOrEqual(0.05);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
  });

  it('names the weights file when it is missing', async () => {
    vi.stubGlobal('fetch', serve({ 'movenet-lightning.json': { type: 'application/json', body: realJson() } }));
    const err = await modelIOHandler('lightning', undefined, BASE).load!().catch((e) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err.file).toBe('movenet-lightning.bin');
    expect(err.message).toContain('404');
  });

  it('names the JSON when the server answers with a web page (SPA fallback) instead of the file', async () => {
    vi.stubGlobal('fetch', serve({ 'movenet-thunder.json': { type: 'text/html', body: '<!doctype html><app-root>' } }));
    const err = await modelIOHandler('thunder', undefined, BASE).load!().catch((e) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err.file).toBe('movenet-thunder.json');
    expect(err.message).toMatch(/web page/);
  });

  it('names the JSON when it is not valid JSON', async () => {
    vi.stubGlobal('fetch', serve({ 'movenet-lightning.json': { type: 'application/json', body: '{"modelTopology": ' } }));
    const err = await modelIOHandler('lightning', undefined, BASE).load!().catch((e) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err.file).toBe('movenet-lightning.json');
  });

  it('names the file on a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const err = await modelIOHandler('lightning', undefined, BASE).load!().catch((e) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect(err.file).toBe('movenet-lightning.json');
    expect(err.message).toMatch(/network error/);
  });
});
