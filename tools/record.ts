// Records a keypoint fixture from a video file with the app's own detector + smoothing (tfjs wasm in Node).
//   npm run record -- <video> --exercise squat --view front --out fixtures/real/x.json
//        [--model lightning|thunder] [--labels labels.json] [--side left|right] [--name real/x]
//        [--origin "pexels video 5034577 (Ketut Subiyanto)"] [--licence "Pexels licence"]
//        [--fps 10] [--no-smoothing] [--max-frames N]
// --labels: a JSON file {"view", "exercise": {"id", "side", "configOverrides"}, "labels": {...labelsSchema}} or just
// the labels; its view and exercise id are used when --view / --exercise are not given.
// Origin and licence default to the clip's own row (columns clip, origin, licence) of the markdown table in the
// README.md next to the video; a clip without a row needs --origin and --licence.
//   npm run record -- --relabel fixtures/real/x.json --labels fixtures/labels/x.json
//        replaces labels / exercise / view of a recorded fixture without re-running the model.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_IDS, type ModelId } from '../src/pose/detector';
import { createNodePoseDetector, processVideo } from '../src/pose/node/node-pose';
import { smoothingConfigSchema } from '../src/pose/smoothing';
import { labelsSchema, parseFixture, serializeFixture, type FixtureInput } from '../src/fixtures/fixture-schema';
import { clipProvenance } from './clip-provenance';

function fail(msg: string): never {
  process.stderr.write(`record: ${msg}\n`);
  process.exit(2);
}

function readLabelsFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  if (!existsSync(file)) fail(`labels file not found: ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      exercise: { type: 'string' },
      view: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string', default: 'lightning' },
      labels: { type: 'string' },
      side: { type: 'string' },
      name: { type: 'string' },
      origin: { type: 'string' },
      licence: { type: 'string' },
      fps: { type: 'string' },
      'max-frames': { type: 'string' },
      'no-smoothing': { type: 'boolean', default: false },
      relabel: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.relabel) {
    if (!values.labels) fail('--relabel needs --labels');
    const file = values.relabel;
    const fx = parseFixture(readFileSync(file, 'utf8'), file);
    const j = readLabelsFile(values.labels);
    const ex = (j.exercise ?? {}) as { id?: string; side?: 'left' | 'right'; configOverrides?: Record<string, unknown> };
    const labels = labelsSchema.parse('labels' in j ? j.labels : j);
    const view = (typeof j.view === 'string' ? j.view : fx.capture.view) as 'front' | 'side' | 'oblique';
    const { side: _old, ...exRest } = fx.exercise;
    void _old;
    writeFileSync(file, serializeFixture({
      ...fx,
      capture: { ...fx.capture, view },
      exercise: { ...exRest, id: ex.id ?? fx.exercise.id, ...(ex.side ? { side: ex.side } : {}), configOverrides: ex.configOverrides ?? fx.exercise.configOverrides },
      labels,
    }));
    process.stdout.write(`relabelled ${file}\n`);
    return;
  }
  if (values.help || positionals.length !== 1) {
    process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).join('\n') + '\n');
    process.exit(values.help ? 0 : 2);
  }
  const video = path.resolve(positionals[0]!);
  if (!existsSync(video)) fail(`video not found: ${video}`);
  const labelsFile = readLabelsFile(values.labels);
  values.exercise ??= (labelsFile.exercise as { id?: string } | undefined)?.id;
  if (!values.exercise) fail('--exercise is required (an id from src/rules/registry.ts, e.g. squat)');
  if (!values.out) fail('--out is required (e.g. fixtures/real/bodyweight-squat.json)');
  const view = values.view ?? (typeof labelsFile.view === 'string' ? labelsFile.view : 'front');
  if (!['front', 'side', 'oblique'].includes(view)) fail(`--view must be front, side or oblique (got ${view})`);
  const modelId = values.model as ModelId;
  if (!MODEL_IDS.includes(modelId)) fail(`--model must be one of ${MODEL_IDS.join(', ')} (got ${values.model})`);
  if (values.side && !['left', 'right'].includes(values.side)) fail(`--side must be left or right`);

  let labels: unknown = { labelledBy: 'nobody', method: 'unlabelled', reps: null, notes: 'recorded without --labels' };
  let exerciseExtra: { side?: 'left' | 'right'; configOverrides?: Record<string, unknown> } = {};
  if (values.labels) {
    const j = labelsFile;
    labels = 'labels' in j ? j.labels : j;
    exerciseExtra = ('exercise' in j ? j.exercise : {}) as typeof exerciseExtra;
    const r = labelsSchema.safeParse(labels);
    if (!r.success) fail(`labels in ${values.labels} are invalid: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  let origin: string, licence: string;
  try {
    ({ origin, licence } = clipProvenance(video, { origin: values.origin, licence: values.licence }));
  } catch (e) {
    fail((e as Error).message);
  }

  const smoothing = values['no-smoothing'] ? null : smoothingConfigSchema.parse({});
  const pose = await createNodePoseDetector(modelId);
  process.stderr.write(`record: ${path.basename(video)} with MoveNet ${modelId} (${pose.model.version}) on tfjs ${pose.backend.backend}` +
    ` (simd ${pose.backend.simd}, threads ${pose.backend.threads})\n`);
  const t0 = performance.now();
  let lastPrint = 0;
  const result = await processVideo(pose, video, {
    fps: values.fps ? Number(values.fps) : undefined,
    maxFrames: values['max-frames'] ? Number(values['max-frames']) : undefined,
    smoothing: smoothing ?? false,
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastPrint < 250 && p.done < p.total) return;
      lastPrint = now;
      const line = `  frames ${p.done}/${p.total} (${Math.round((100 * p.done) / p.total)}%)  ${p.fps.toFixed(1)} frames/s  inference ${p.lastInferenceMs.toFixed(0)} ms`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  pose.dispose();

  const fixture: FixtureInput = {
    formatVersion: 1,
    name: values.name ?? path.relative(path.resolve('fixtures'), path.resolve(values.out)).replace(/\.json$/, ''),
    createdAt: new Date().toISOString(),
    source: {
      kind: 'video',
      clip: path.basename(video),
      origin,
      licence,
      clipSha256: createHash('sha256').update(readFileSync(video)).digest('hex'),
    },
    capture: {
      model: { id: modelId, version: pose.model.version, weightsSha256: pose.model.weightsSha256 },
      backend: `${pose.backend.backend}${pose.backend.simd ? '-simd' : ''} (tfjs ${pose.backend.tfjsVersion}, Node ${process.version})`,
      smoothing,
      fps: values.fps ? Number(values.fps) : result.video.fps,
      imageWidthPx: result.video.widthPx,
      imageHeightPx: result.video.heightPx,
      view: view as 'front' | 'side' | 'oblique',
      mirrored: false,
    },
    exercise: {
      id: values.exercise,
      ...(values.side ? { side: values.side as 'left' | 'right' } : exerciseExtra.side ? { side: exerciseExtra.side } : {}),
      configOverrides: exerciseExtra.configOverrides ?? {},
    },
    labels: labels as FixtureInput['labels'],
    frames: result.frames,
  };
  const text = serializeFixture(fixture);
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  writeFileSync(values.out, text);
  const stats = {
    clip: path.basename(video),
    model: modelId,
    frames: result.frames.length,
    inferenceMsMean: +result.inferenceMs.mean.toFixed(1),
    inferenceMsMedian: +result.inferenceMs.median.toFixed(1),
    inferenceMsP95: +result.inferenceMs.p95.toFixed(1),
    inferenceCpuMsMedian: +result.inferenceCpuMs.median.toFixed(1),
    firstFrameMs: +result.inferenceMs.first.toFixed(0),
    recordWallMs: Math.round(performance.now() - t0),
    tensorLeak: result.tensorLeak,
    out: values.out,
    bytes: Buffer.byteLength(text),
  };
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}

main().catch((e: unknown) => fail((e as Error).message));
