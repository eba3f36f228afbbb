// The thresholds documented in src/rules/README.md are the ones the code uses (regenerate: npx tsx tools/config-table.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSection, README, readmeWithSection } from '../../../tools/config-table';
import { EXERCISES } from '../../../src/rules/registry';

describe('src/rules/README.md config tables', () => {
  it('match the zod schemas of every registered exercise (defaults and sources)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme, 'run npx tsx tools/config-table.ts').toBe(readmeWithSection(readme));
    for (const def of EXERCISES) expect(configSection()).toContain(`#### ${def.id} (`);
  });
});
