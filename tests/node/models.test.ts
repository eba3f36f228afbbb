// The weights the app serves are exactly the files models/README.md and SHA256SUMS describe.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILES, MODEL_VERSIONS, type ModelId } from '../../src/pose/detector';
import { modelFileInfo } from '../../src/pose/node/model-files';

const MODELS = path.resolve(import.meta.dirname, '../../models');
const sums = readFileSync(path.join(MODELS, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/) as [string, string]);

describe('models/', () => {
  it('holds both models (graph JSON + weights) and every file matches SHA256SUMS', () => {
    const names = sums.map(([, n]) => n).sort();
    const expected = Object.values(MODEL_FILES).flatMap((j) => [j, j.replace(/\.json$/, '.bin')]).sort();
    expect(names).toEqual(expected);
    for (const [hash, name] of sums) {
      expect(createHash('sha256').update(readFileSync(path.join(MODELS, name))).digest('hex'), name).toBe(hash);
    }
  });

  it('the version the browser writes into recordings is the one the Node recorder reads from the model JSON', () => {
    for (const id of Object.keys(MODEL_FILES) as ModelId[]) expect(MODEL_VERSIONS[id]).toBe(modelFileInfo(id).version);
  });

  it('the README lists the same sha256 for each file', () => {
    const readme = readFileSync(path.join(MODELS, 'README.md'), 'utf8');
    for (const [hash, name] of sums) expect(readme, name).toMatch(new RegExp(`\\| ${hash} \\| ${name.replace('.', '\\.')} \\|`));
  });

  it('npm run models:refresh -- --check agrees (and would fail on a mismatch)', () => {
    const out = execFileSync(process.execPath, [path.resolve(MODELS, '../tools/refresh-models.mjs'), '--check'], { encoding: 'utf8' });
    expect(out.match(/^ok /gm)).toHaveLength(sums.length);
  });
});
