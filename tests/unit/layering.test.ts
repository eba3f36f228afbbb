// Dependencies point one way (../shared/NOTES.md): src/pose is the only code that touches tfjs, the camera or a
// video element's picture; rules never see the DOM; components do no geometry. This test reads the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
/** The file without its comment lines (a comment may name what the code must not do). */
const code = (p: string) => readFileSync(p, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\/\*|\*)/.test(l)).join('\n');
const rel = (p: string) => path.relative(SRC, p);
const hits = (under: (r: string) => boolean, pattern: RegExp) =>
  files(SRC).filter((p) => under(rel(p)) && pattern.test(code(p))).map(rel);

describe('layering', () => {
  it('only src/pose imports tfjs or pose-detection, or touches the camera or a video picture', () => {
    expect(hits((r) => !r.startsWith('pose'), /from '@tensorflow|getUserMedia|mediaDevices|\.srcObject|videoWidth|videoHeight|\.play\(|requestVideoFrameCallback/)).toEqual([]);
  });

  it('rules, the coaching layer, the programme and the report model use no DOM, no clock and no randomness', () => {
    const pure = (r: string) => ['rules', 'coach', 'core', 'programme', 'report'].some((d) => r.startsWith(d));
    expect(hits(pure, /\bdocument\.|\bwindow\.|Date\.now|performance\.now|Math\.random|new Date\(\s*\)/)).toEqual([]);
    expect(hits(pure, /from '(lit|@tensorflow)/)).toEqual([]);
  });

  it('components do no geometry: no angle or distance functions in src/ui', () => {
    expect(hits((r) => r.startsWith('ui'), /from '\.\.\/core\/geometry'|Math\.(atan2|acos|hypot)/)).toEqual([]);
  });
});
