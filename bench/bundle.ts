// Size of the built app (dist/): JavaScript (raw and gzip, what a browser downloads with compression), the tfjs wasm
// binaries (a page loads one variant: SIMD where supported, else plain; threaded SIMD only if shipped and the page
// is cross-origin isolated), the model files, and the rest.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleRow { kind: string; files: number; bytes: number; gzipBytes: number | null }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function bundleSizes(distDir: string): { rows: BundleRow[]; files: { path: string; bytes: number }[] } {
  const files = walk(distDir).map((p) => ({ path: relative(distDir, p), bytes: statSync(p).size }));
  const kinds: [string, (p: string) => boolean, boolean][] = [
    ['JavaScript', (p) => p.endsWith('.js'), true],
    ['CSS + HTML', (p) => /\.(css|html)$/.test(p), true],
    ['wasm (every variant shipped)', (p) => p.endsWith('.wasm'), true],
    ['wasm loaded here (SIMD)', (p) => /wasm-simd-[^/]*\.wasm$/.test(p), true],
    ['model: Lightning', (p) => /models\/movenet-lightning/.test(p), false],
    ['model: Thunder', (p) => /models\/movenet-thunder/.test(p), false],
  ];
  const rows = kinds.map(([kind, match, gz]) => {
    const hit = files.filter((f) => match(f.path));
    return {
      kind,
      files: hit.length,
      bytes: hit.reduce((s, f) => s + f.bytes, 0),
      // Model weights are float data: gzip gains little, and they are fetched once per model switch.
      gzipBytes: gz ? hit.reduce((s, f) => s + gzipSync(readFileSync(join(distDir, f.path)), { level: 9 }).byteLength, 0) : null,
    };
  });
  const total = files.reduce((s, f) => s + f.bytes, 0);
  rows.push({ kind: 'total dist/', files: files.length, bytes: total, gzipBytes: null });
  return { rows, files };
}

export interface JsSet { files: string[]; bytes: number; gzipBytes: number }

/** Raw and gzip size of some files of dist/ (paths relative to it). */
export function jsSet(distDir: string, files: Iterable<string>): JsSet {
  const list = [...new Set(files)].sort();
  let bytes = 0, gzipBytes = 0;
  for (const f of list) {
    const buf = readFileSync(join(distDir, f));
    bytes += buf.byteLength;
    gzipBytes += gzipSync(buf, { level: 9 }).byteLength;
  }
  return { files: list, bytes, gzipBytes };
}

/** Static imports of a built chunk ("./x.js" next to it): what the browser must load before the chunk runs. */
function staticImports(distDir: string, file: string): string[] {
  const code = readFileSync(join(distDir, file), 'utf8');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  // `import"./a.js"` and `from"./a.js"`; a dynamic `import("./a.js")` has a parenthesis and is left out.
  return [...code.matchAll(/(?:\bimport\s*|\bfrom\s*)["'](\.\/[^"']+\.js)["']/g)].map((m) => dir + m[1]!.slice(2));
}

/** The JavaScript of the first screen: the page's module scripts and everything they import statically. */
export function firstScreenJs(distDir: string): JsSet {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...staticImports(distDir, f));
  }
  return jsSet(distDir, seen);
}
