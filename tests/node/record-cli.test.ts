// The recorder CLI end to end on a committed real frame (a one-frame "video"): ffmpeg decode, MoveNet on wasm,
// smoothing, provenance flags, labels file, schema-valid output; and clear errors for bad input.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseFixture } from '../../src/fixtures/fixture-schema';
import { describeWithFfmpeg } from '../prerequisites';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FRAME = path.join(ROOT, 'fixtures/frames/bodyweight-squat-2.0s.jpg');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/record.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describeWithFfmpeg('npm run record', () => {
  it('writes a schema-valid fixture with provenance, labels and the real model output', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rec-'));
    const out = path.join(dir, 'x.json');
    const labels = path.join(dir, 'labels.json');
    writeFileSync(labels, JSON.stringify({ view: 'front', exercise: { id: 'squat' }, labels: { labelledBy: 'test', method: 'by eye', reps: { total: 0 } } }));
    const r = run([FRAME, '--labels', labels, '--out', out, '--origin', 'pexels video 5034577 (Ketut Subiyanto)', '--licence', 'Pexels licence']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/frames 1\/1/);
    const stats = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { frames: number; tensorLeak: number };
    expect(stats.frames).toBe(1);
    expect(stats.tensorLeak).toBe(0);
    const fx = parseFixture(readFileSync(out, 'utf8'));
    expect(fx.exercise.id).toBe('squat');
    expect(fx.capture.model?.id).toBe('lightning');
    expect(fx.capture.view).toBe('front');
    expect(fx.source.kind === 'video' && fx.source.clip).toBe('bodyweight-squat-2.0s.jpg');
    expect(fx.labels.reps).toEqual({ total: 0 });
    const k = fx.frames[0]!.keypoints!;
    expect(k.left_hip.x).toBeGreaterThan(k.right_hip.x); // a real front-view person, unmirrored
    expect(String(k.nose.x).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4); // rounded to 4 decimals
  }, 120_000);

  it("takes origin and licence from the clip's own row of the README beside it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rec-prov-'));
    const clip = path.join(dir, 'ohs.jpg');
    copyFileSync(FRAME, clip);
    writeFileSync(path.join(dir, 'README.md'), [
      'Clips: a stock clip under the Pexels licence and a dataset clip under MIT.', '',
      '| clip | origin | licence | format | view | what happens |', '|---|---|---|---|---|---|',
      '| stock.mp4 | pexels video 1 | Pexels licence | - | front | - |',
      '| ohs.jpg | LNewCo IMG_1 (github benrandoing20/LNewCo @6b821b3) | MIT (Copyright 2023 Ben Randoing) | - | front | - |', '',
    ].join('\n'));
    const out = path.join(dir, 'x.json');
    const r = run([clip, '--exercise', 'squat', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const fx = parseFixture(readFileSync(out, 'utf8'));
    expect(fx.source).toMatchObject({ kind: 'video', clip: 'ohs.jpg', origin: 'LNewCo IMG_1 (github benrandoing20/LNewCo @6b821b3)', licence: 'MIT (Copyright 2023 Ben Randoing)' });
    // A clip the table does not list is refused before the model runs.
    const other = path.join(dir, 'unlisted.jpg');
    copyFileSync(FRAME, other);
    expect(run([other, '--exercise', 'squat', '--out', out]).stderr).toMatch(/unlisted\.jpg has no row in .*README\.md.*--origin/);
  }, 120_000);

  it('says what is missing instead of crashing', () => {
    expect(run([FRAME, '--exercise', 'squat']).stderr).toMatch(/--out is required/);
    expect(run(['/nope.mp4', '--exercise', 'squat', '--out', '/tmp/x.json']).stderr).toMatch(/video not found/);
    expect(run([FRAME, '--exercise', 'squat', '--out', '/tmp/x.json', '--model', 'huge']).stderr).toMatch(/--model must be one of/);
    expect(run([FRAME, '--exercise', 'squat', '--out', '/tmp/x.json']).stderr).toMatch(/--origin/);
  }, 120_000);
});
