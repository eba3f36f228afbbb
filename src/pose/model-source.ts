// Loads MoveNet weights in the browser from our own /models/ (served by vite in dev, copied into dist/ in a build).
// Wraps tfjs's HTTP loader so that (1) a failure names the file that failed and why, and (2) progress is reported
// in bytes, for the "loading model" banner.
import * as tf from '@tensorflow/tfjs-core';
import { defaultModelBaseUrl, MODEL_FILES, type ModelId } from './models';
import { ModelLoadError } from './pipeline-errors';
import { errorText } from '../core/error-text';

export { ModelLoadError } from './pipeline-errors';

/** 0..1 of all bytes of the model (JSON + weight shards) received so far. */
export type ProgressListener = (fraction: number) => void;

const fileName = (url: string) => decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() ?? url);

/**
 * An IOHandler for `createPoseDetector` that fetches `${baseUrl}/<model file>` and every weight shard it lists.
 * `baseUrl` defaults to `<page base>/models`.
 */
export function modelIOHandler(modelId: ModelId, onProgress?: ProgressListener, baseUrl?: string): tf.io.IOHandler {
  const base = baseUrl ?? defaultModelBaseUrl();
  const jsonUrl = `${base}/${MODEL_FILES[modelId]}`;
  const received = new Map<string, number>();
  const expected = new Map<string, number>();
  // The JSON is small (160 KB) next to its weights (4.6 / 12.5 MB): it counts as the first 5 %. Weight sizes are
  // only known once each shard's response headers arrive, so until then the weights count as 0 % done.
  const JSON_SHARE = 0.05;
  const report = () => {
    if (!onProgress) return;
    let got = 0, total = 0, jsonDone = 0;
    for (const [url, n] of expected) {
      const r = Math.min(n, received.get(url) ?? 0);
      if (url === jsonUrl) { jsonDone = n > 0 ? r / n : 0; continue; }
      total += n; got += r;
    }
    onProgress(JSON_SHARE * jsonDone + (1 - JSON_SHARE) * (total > 0 ? got / total : 0));
  };

  const fetchNamed = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = fileName(url);
    let res: Response;
    try {
      res = await fetch(input, init);
    } catch (e) {
      throw new ModelLoadError(file, `network error (${errorText(e)})`);
    }
    if (!res.ok) throw new ModelLoadError(file, `the server answered ${res.status} ${res.statusText || ''}`.trim());
    // A dev server may answer a missing file with the app's index.html: that is "missing", not "corrupt".
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      throw new ModelLoadError(file, 'the server returned a web page instead of the file (is it missing from models/?)');
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > 0) expected.set(url, length);
    if (!res.body || length === 0) {
      const buf = await res.arrayBuffer();
      expected.set(url, buf.byteLength); received.set(url, buf.byteLength); report();
      return new Response(buf, { status: res.status, headers: res.headers });
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let got = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        got += value.byteLength;
        received.set(url, got);
        report();
      }
    } catch (e) {
      throw new ModelLoadError(file, `download interrupted (${errorText(e)})`);
    }
    const bytes = new Uint8Array(got);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
    return new Response(bytes, { status: res.status, headers: res.headers });
  };

  const inner = tf.io.http(jsonUrl, { fetchFunc: fetchNamed as typeof fetch });
  return {
    async load() {
      try {
        const artifacts = await inner.load!();
        if (!artifacts.modelTopology) throw new ModelLoadError(MODEL_FILES[modelId], 'the JSON has no model topology');
        const weightBytes = artifacts.weightData
          ? (Array.isArray(artifacts.weightData)
            ? artifacts.weightData.reduce((n, b) => n + b.byteLength, 0)
            : artifacts.weightData.byteLength)
          : 0;
        if (weightBytes === 0) throw new ModelLoadError(`${modelId} weights (.bin)`, 'no weight data was loaded');
        onProgress?.(1);
        return artifacts;
      } catch (e) {
        if (e instanceof ModelLoadError) throw e;
        // tfjs's own errors (unparsable JSON, missing shard in manifest) mention the path: keep the message.
        const msg = errorText(e);
        const file = /\.bin\b/.test(msg) ? (msg.match(/[\w.-]+\.bin/)?.[0] ?? 'weights (.bin)') : MODEL_FILES[modelId];
        throw new ModelLoadError(file, msg);
      }
    },
  };
}
