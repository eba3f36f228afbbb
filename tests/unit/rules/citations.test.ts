// Every threshold says where it comes from, in the repository: each numeric config field's `.describe()` cites a
// section of docs/biomechanics.md that exists, every such citation anywhere in src points at a real section, and the
// rules code, their tests and docs name no internal handles or files outside the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commonConfigSchema } from '../../../src/rules/engine/config';
import { EXERCISES } from '../../../src/rules/registry';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DOC = readFileSync(path.join(ROOT, 'docs/biomechanics.md'), 'utf8');
/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const ANCHORS = new Set(DOC.split('\n').filter((l) => /^#{2,4} /.test(l))
  .map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
const CITE = /docs\/biomechanics\.md#([a-z0-9-]+)/g;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

const schemas: [string, z.ZodType][] = [['common', commonConfigSchema], ...EXERCISES.map((d) => [d.id, d.configSchema] as [string, z.ZodType])];

describe('threshold citations', () => {
  it('docs/biomechanics.md has the sections the code cites', () => {
    expect(ANCHORS.size).toBeGreaterThan(20);
    for (const a of ['knee-valgus-fppa', 'pelvic-drop-trendelenburg', 'knee-ankle-separation-ratio', 'side-plank-line', 'rep-counting', 'smoothing', 'sources']) {
      expect(ANCHORS, a).toContain(a);
    }
  });

  it.each(schemas)('%s: every numeric field cites an existing section with its unit-bearing description', (_id, schema) => {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    const defaults = schema.parse({}) as Record<string, unknown>;
    for (const [key, field] of Object.entries(shape)) {
      if (typeof defaults[key] !== 'number') continue;
      const text = field.description ?? '';
      const cited = [...text.matchAll(CITE)].map((m) => m[1]!);
      expect(cited.length, `${key}: "${text}" cites no docs/biomechanics.md section`).toBeGreaterThan(0);
      for (const a of cited) expect(ANCHORS, `${key} cites #${a}`).toContain(a);
    }
  });

  it('every docs/biomechanics.md#section cited in src exists', () => {
    for (const f of files(path.join(ROOT, 'src'), /\.(ts|md)$/)) {
      for (const m of readFileSync(f, 'utf8').matchAll(CITE)) expect(ANCHORS, `${path.relative(ROOT, f)} cites #${m[1]}`).toContain(m[1]);
    }
  });

  it('the rules, their tests and docs name no internal handles and no file outside the repository', () => {
    const scope = [
      ...files(path.join(ROOT, 'src/rules'), /\.(ts|md)$/), ...files(path.join(ROOT, 'tests/unit/rules'), /\.ts$/),
      path.join(ROOT, 'tools/config-table.ts'), path.join(ROOT, 'docs/biomechanics.md'),
    ];
    const handle = /\bH\d+\b|\bissue \d+|\.\.\/shared|\bseeds\b/i, notesFile = /\bNOTES\b/;
    const hits = scope.flatMap((f) => readFileSync(f, 'utf8').split('\n')
      .filter((l) => (handle.test(l) || notesFile.test(l)) && !l.includes('const handle =')).map((l) => `${path.relative(ROOT, f)}: ${l.trim()}`));
    expect(hits).toEqual([]);
  });
});
