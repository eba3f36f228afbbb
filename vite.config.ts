import { existsSync, readdirSync, readFileSync, statSync, createReadStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = dirname(fileURLToPath(import.meta.url));
const modelsDir = join(root, 'models');
/** Only the model files themselves are served/copied (not README or SHA256SUMS). */
const MODEL_FILE = /^[\w.-]+\.(json|bin)$/;

/**
 * Serves models/ at /models/ on the dev server and copies the model files to dist/models/ in a build, so the weights
 * never come from a hub. A missing file is a real 404 (not the SPA index.html), so the app can name the file.
 */
function modelsPlugin(): Plugin {
  return {
    name: 'trainer-models',
    configureServer(server) {
      server.middlewares.use('/models', (req, res) => {
        const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/+/, ''));
        const file = join(modelsDir, name);
        if (!MODEL_FILE.test(name) || !existsSync(file)) {
          res.statusCode = 404;
          res.end(`model file not found: ${name}`);
          return;
        }
        res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of readdirSync(modelsDir).filter((f) => MODEL_FILE.test(f))) {
        this.emitFile({ type: 'asset', fileName: `models/${name}`, source: readFileSync(join(modelsDir, name)) });
      }
    },
  };
}

/**
 * Content-Security-Policy of the built page: nothing but our own origin. 'wasm-unsafe-eval' lets the tfjs wasm
 * backend compile its module; blob: media for local video files. No blob: scripts: the wasm backend runs
 * single-threaded (see src/pose/backend.ts), so it starts no blob workers. Dev is left without it (vite injects inline
 * styles and a websocket for HMR).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspPlugin(): Plugin {
  return {
    name: 'trainer-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [modelsPlugin(), cspPlugin()],
  resolve: {
    alias: {
      // pose-detection imports @mediapipe/pose (BlazePose mediapipe runtime), a script vite cannot bundle. We never use it.
      '@mediapipe/pose': resolve(root, 'src/pose/mediapipe-pose-stub.ts'),
    },
  },
  server: { host: 'localhost' },
  preview: { host: 'localhost' },
  // The inference worker imports tfjs and each backend on demand: code splitting needs an ES module worker.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The tfjs backends and pose-detection are large chunks by nature (loaded on demand); the warning would be noise.
    chunkSizeWarningLimit: 3000,
  },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
