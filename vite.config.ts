import { existsSync, readdirSync, readFileSync, statSync, createReadStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * pose-detection's static import of the WebGPU backend goes to src/pose/webgpu-backend-link.ts (live bindings that
 * src/pose/backend.ts links when WebGPU is tried), so the backend's code is fetched only on devices that try it.
 */
function webgpuOnDemandPlugin(): Plugin {
  const link = resolve(root, 'src/pose/webgpu-backend-link.ts');
  return {
    name: 'trainer-webgpu-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@tensorflow/tfjs-backend-webgpu' && importer?.includes('@tensorflow-models/pose-detection')) return link;
      return null;
    },
  };
}

/**
 * Installable and offline (vite-plugin-pwa, workbox): the web manifest with the icons in public/ (generated from
 * public/icon.svg by `npm run icons`), and our own service worker (src/pwa/service-worker.ts) into which the
 * revisioned precache list is injected. The list holds every file of the build, the wasm binaries and both models;
 * the service worker precaches all but Thunder, which it caches when first used. The service worker and its
 * registration come from our own origin, so the CSP above stays 'self' only.
 */
function pwaPlugin() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/pwa',
    filename: 'service-worker.ts',
    registerType: 'prompt',
    injectRegister: false, // src/pwa/register.ts registers it (from <update-prompt>)
    manifest: {
      name: 'Hip stability trainer',
      short_name: 'Hip trainer',
      description: 'Webcam coach for hip-stability exercises. Runs on this device: no video leaves the browser.',
      lang: 'en',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: '#12171d',
      theme_color: '#12171d',
      icons: [
        { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
        { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      globPatterns: ['**/*.{js,css,html,wasm,png,svg,ico,webmanifest}', 'models/*.{json,bin}'],
      // Thunder's weights are the largest file (12.5 MB); workbox's default limit (2 MB) would drop the models.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  });
}

export default defineConfig({
  plugins: [modelsPlugin(), cspPlugin(), webgpuOnDemandPlugin(), pwaPlugin()],
  resolve: {
    alias: {
      // pose-detection imports @mediapipe/pose (BlazePose mediapipe runtime), a script vite cannot bundle. We never use it.
      '@mediapipe/pose': resolve(root, 'src/pose/mediapipe-pose-stub.ts'),
    },
  },
  server: { host: 'localhost' },
  preview: { host: 'localhost' },
  // The inference worker imports tfjs and each backend on demand: code splitting needs an ES module worker.
  worker: { format: 'es', plugins: () => [webgpuOnDemandPlugin()] },
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
