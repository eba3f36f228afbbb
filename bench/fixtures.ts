// Real recorded fixtures for the benchmarks and soak tests: the frames the rules see in the app (Lightning, One Euro).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PoseFrame } from '../src/core/pose-frame';
import { parseFixture, type Fixture } from '../src/fixtures/fixture-schema';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export function loadFixtures(sub: 'real' | 'synthetic'): Fixture[] {
  const dir = join(FIXTURES_DIR, sub);
  let names: string[];
  try { names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort(); } catch { return []; }
  return names.map((f) => parseFixture(JSON.parse(readFileSync(join(dir, f), 'utf8')), `${sub}/${f}`));
}

/**
 * Concatenates fixtures' frames into one time-ordered stream (each next clip starts `gapMs` after the previous one
 * ended), repeated until at least `minFrames` frames. Frames are shallow copies with new timestamps.
 */
export function frameStream(fixtures: readonly Fixture[], minFrames: number, gapMs = 1000): PoseFrame[] {
  const out: PoseFrame[] = [];
  let offset = 0;
  if (fixtures.every((f) => f.frames.length === 0)) throw new Error('no frames in the given fixtures');
  while (out.length < minFrames) {
    for (const fx of fixtures) {
      if (fx.frames.length === 0) continue;
      const t0 = fx.frames[0]!.timestampMs;
      for (const f of fx.frames) out.push({ ...f, timestampMs: offset + (f.timestampMs - t0) } as PoseFrame);
      offset = out[out.length - 1]!.timestampMs + gapMs;
    }
  }
  return out;
}
