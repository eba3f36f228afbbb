// The committed synthetic fixtures are exactly what the yardstick makes now: a change to the generator without
// `npm run synth` (or a hand edit of a fixture) fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeFixture } from '../../../src/fixtures/fixture-schema';
import { buildFixture, fixturePlans } from '../../../yardstick/fixtures/write';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('committed synthetic fixtures are fresh', () => {
  for (const p of fixturePlans()) {
    it(`${p.name} equals what npm run synth makes`, () => {
      const file = path.join(ROOT, 'fixtures', `${p.name}.json`);
      const committed = readFileSync(file, 'utf8');
      expect(serializeFixture(buildFixture(p)) === committed, `${p.name} is stale: run npm run synth`).toBe(true);
    });
  }
});
