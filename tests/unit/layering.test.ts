// Dependencies point one way (docs/architecture.md): core <- rules <- coach <- ui, with pose beside rules and
// storage beside coach. src/pose is the only code that touches tfjs, the camera or a video element's picture;
// rules and the coach never see the DOM; components do no geometry. This test reads the sources.
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

/** The layer of a file: its top folder under src, or 'app' for the entry files directly in src. */
const layerOf = (r: string): string => (r.includes(path.sep) ? r.split(path.sep)[0]! : 'app');

/**
 * Which layers each layer may import. Anything not listed is forbidden, so a new import across layers is a
 * decision made here, in review, and not by accident.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  rules: ['core'],
  pose: ['core'],
  coach: ['core', 'rules'],
  // Beside the coach: stores its summaries by shape (a test keeps the types equal), imports none of its code.
  storage: ['core', 'rules'],
  // Words for codes; the programme screens' words read the programme's state types.
  'exercises-content': ['core', 'rules', 'coach', 'programme'],
  // The fixture format and recorder, and the evaluation of recorded sets against labels (which reads the coach's
  // live-set options and the app's smoothing).
  fixtures: ['core', 'rules', 'pose', 'coach'],
  // The 6-week plan and progression: read stored records (storage) and the coach's single-leg report and days.
  programme: ['core', 'rules', 'coach', 'storage'],
  // The clinician report's numbers, from records and the programme.
  report: ['core', 'rules', 'coach', 'storage', 'programme'],
  // The service worker and its registration (offline use, updates): no app code, only workbox.
  pwa: [],
  ui: ['core', 'rules', 'pose', 'coach', 'storage', 'exercises-content', 'fixtures', 'programme', 'report', 'pwa'],
  app: ['ui'],
};

/** Every relative import of a file (static, re-export, or dynamic), as the layer it lands in. */
function importedLayers(file: string): { spec: string; layer: string }[] {
  const out: { spec: string; layer: string }[] = [];
  for (const m of code(file).matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']*)'/g)) {
    const target = rel(path.resolve(path.dirname(file), m[1]!));
    out.push({ spec: m[1]!, layer: target.startsWith('..') ? 'outside src' : layerOf(target) });
  }
  return out;
}

describe('layering', () => {
  it('each layer imports only the layers below it (core <- rules <- coach <- ui; pose, storage beside)', () => {
    const wrong: string[] = [];
    const layers = new Set<string>();
    for (const f of files(SRC)) {
      const from = layerOf(rel(f));
      layers.add(from);
      const allowed = MAY_IMPORT[from];
      for (const { spec, layer } of importedLayers(f)) {
        if (layer === from) continue;
        if (!allowed || !allowed.includes(layer)) wrong.push(`${rel(f)} (${from}) imports ${spec} (${layer})`);
      }
    }
    expect(wrong).toEqual([]);
    // A new top folder needs a row above.
    expect([...layers].filter((l) => !(l in MAY_IMPORT))).toEqual([]);
  });

  it('the allowed directions form no cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (l: string, trail: string[]): void => {
      if (done.has(l)) return;
      if (visiting.has(l)) { cycles.push([...trail, l].join(' -> ')); return; }
      visiting.add(l);
      for (const d of MAY_IMPORT[l] ?? []) visit(d, [...trail, l]);
      visiting.delete(l);
      done.add(l);
    };
    for (const l of Object.keys(MAY_IMPORT)) visit(l, []);
    expect(cycles).toEqual([]);
  });

  it('finds the imports it checks (a test of the checker itself)', () => {
    const coachSession = path.join(SRC, 'coach', 'coach-session.ts');
    expect(importedLayers(coachSession).map((i) => i.layer)).toEqual(expect.arrayContaining(['core', 'rules', 'coach']));
    expect(importedLayers(path.join(SRC, 'main.ts')).map((i) => i.layer)).toContain('ui');
  });

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
