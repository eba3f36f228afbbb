// Writes the "Config fields" section of src/rules/README.md from the zod schemas (defaults and `.describe()` texts),
// so the documented thresholds are the ones the code uses. `npx tsx tools/config-table.ts` rewrites the section;
// tests/unit/rules/config-table.test.ts fails when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { commonConfigShape, commonConfigSchema } from '../src/rules/engine/config';
import { EXERCISES } from '../src/rules/registry';

export const README = path.resolve(import.meta.dirname, '../src/rules/README.md');
export const HEADING = '## Config fields (generated from the zod schemas; defaults and sources)';

function rows(schema: z.ZodType, skip: ReadonlySet<string>): string[] {
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out = ['| field | default | meaning and source |', '|---|---|---|'];
  for (const [key, field] of Object.entries(shape)) {
    if (skip.has(key)) continue;
    const text = (field.description ?? '').replace(/\|/g, '/');
    out.push(`| \`${key}\` | ${JSON.stringify(defaults[key])} | ${text} |`);
  }
  return out;
}

/** The section, heading included, ending in a newline. */
export function configSection(): string {
  const common = new Set(Object.keys(commonConfigShape));
  const parts = [HEADING, '', 'Every field can be overridden (partial config objects are parsed by the same schema).', '',
    '#### Common (every exercise; engine/config.ts)', '', ...rows(commonConfigSchema, new Set())];
  for (const def of EXERCISES) {
    parts.push('', `#### ${def.id} (${def.name})`, '', ...rows(def.configSchema as z.ZodType, common));
  }
  return `${parts.join('\n')}\n`;
}

export function readmeWithSection(readme: string): string {
  const i = readme.indexOf(HEADING);
  if (i < 0) throw new Error(`${README} has no "${HEADING}" heading`);
  const rest = readme.slice(i + HEADING.length);
  const next = rest.search(/\n## /);
  return readme.slice(0, i) + configSection() + (next >= 0 ? rest.slice(next) : '');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(README, readmeWithSection(readFileSync(README, 'utf8')));
  console.log(`wrote the config tables of ${EXERCISES.length} exercises into ${path.relative(process.cwd(), README)}`);
}
