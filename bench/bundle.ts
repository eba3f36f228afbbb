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
