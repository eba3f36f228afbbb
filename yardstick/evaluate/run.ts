// npm run evaluate: the scored evaluation of every checker against the yardstick.
//   npm run evaluate                      full population (>= 200 sets per headline exercise, 50 per programme one),
//                                         the roll/yaw pairs and every real fixture; writes docs/evaluation.md and
//                                         .cache/evaluation.json
//   npm run evaluate -- --only squat      one exercise (comma-separated ids), printed, docs untouched
//   npm run evaluate -- --quick           a quick subset (40 / 12 sets), printed, docs untouched
//   npm run evaluate -- --sets 30         this many sets per exercise
//   npm run evaluate -- --write           also write the docs when --only / --quick / --sets is given
// Fixed seeds: the same code gives the same numbers. Progress goes to stderr.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFixture } from '../../src/fixtures/fixture-schema';
import { runById } from '../../src/rules/registry';
import { sampleSet } from '../population';
import { MODELS } from '../scenarios/index';
import type { ExerciseModel } from '../scenarios/types';
import { breakdown, exerciseStats, pct, type ExerciseStats } from './aggregate';
import { evaluateFixture } from './fixture-check';
import { scoreSet, type SetResult } from './score';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const FULL = { headline: 200, programme: 50, pairs: 40 };
export const QUICK = { headline: 40, programme: 12, pairs: 10 };

export interface PairStats { exercise: string; change: 'roll 3-6 deg' | 'yaw 10-20 deg'; pairs: number; verdicts: number; changed: number; repChanged: number }
export interface RealRow { name: string; exercise: string; repsExpected: string; repsGot: number; status: string; failing: string[] }
export interface Evaluation {
  generatedBy: string; sizes: typeof FULL; seconds: number;
  exercises: ExerciseStats[];
  breakdowns: Record<string, ReturnType<typeof breakdown>>;
  pairs: PairStats[];
  real: RealRow[];
  population2d: { legTorso: number[]; shoulderTorsoFacing: number[] };
}

const log = (s: string) => process.stderr.write(s);

export function runModel(m: ExerciseModel, n: number, onSet?: (i: number) => void): SetResult[] {
  const out: SetResult[] = [];
  for (let i = 0; i < n; i++) { out.push(scoreSet(sampleSet(m, i))); onSet?.(i); }
  return out;
}

/** The same sets filmed level and square, then rolled or turned: how many verdicts change. */
export function runPairs(m: ExerciseModel, n: number): PairStats[] {
  const out: PairStats[] = [];
  for (const change of ['roll 3-6 deg', 'yaw 10-20 deg'] as const) {
    let verdicts = 0, changed = 0, repChanged = 0;
    for (let i = 0; i < n; i++) {
      const idx = 100_000 + i;
      const mag = (k: number) => (k % 2 ? -1 : 1) * (change === 'roll 3-6 deg' ? 3 + (3 * ((k * 7) % 10)) / 10 : 10 + (10 * ((k * 7) % 10)) / 10);
      const a = scoreSet(sampleSet(m, idx, { rollDeg: 0, yawDeg: 0, mirrored: false }));
      const b = scoreSet(sampleSet(m, idx, change === 'roll 3-6 deg' ? { rollDeg: mag(i), yawDeg: 0, mirrored: false } : { rollDeg: 0, yawDeg: mag(i), mirrored: false }));
      const va = a.verdicts.split(' '), vb = b.verdicts.split(' ');
      verdicts += va.length;
      va.forEach((v, k) => { if (v !== vb[k]) { changed++; if (k === 0) repChanged++; } });
    }
    out.push({ exercise: m.id, change, pairs: n, verdicts, changed, repChanged });
  }
  return out;
}

export function runReal(): RealRow[] {
  const dir = path.join(ROOT, 'fixtures/real');
  let names: string[] = [];
  try { names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort(); } catch { return []; }
  return names.map((n) => {
    const f = parseFixture(readFileSync(path.join(dir, n), 'utf8'), n);
    const r = runById(f.exercise.id, f.frames, f.exercise.configOverrides, f.exercise.side);
    const ev = evaluateFixture(f, r.perFrame);
    return {
      name: f.name, exercise: f.exercise.id, repsExpected: f.labels.reps ? String(f.labels.reps.total) : '-', repsGot: ev.got?.reps.total ?? 0,
      status: ev.status, failing: [...new Set(ev.checks.filter((c) => !c.ok).map((c) => c.what))],
    };
  });
}

function main() {
  const args = process.argv.slice(2);
  const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
  const only = opt('--only')?.split(',');
  const quick = args.includes('--quick');
  const setsArg = opt('--sets');
  const sizes = { ...(quick ? QUICK : FULL) };
  if (setsArg) { sizes.headline = Number(setsArg); sizes.programme = Number(setsArg); sizes.pairs = Math.min(sizes.pairs, Number(setsArg)); }
  const write = args.includes('--write') || (!only && !quick && !setsArg);
  const models = MODELS.filter((m) => !only || only.includes(m.id));
  if (!models.length) throw new Error(`--only ${only?.join(',')}: no such exercise; known: ${MODELS.map((m) => m.id).join(', ')}`);
  const t0 = Date.now();
  const ev: Evaluation = { generatedBy: 'npm run evaluate', sizes, seconds: 0, exercises: [], breakdowns: {}, pairs: [], real: [], population2d: { legTorso: [], shoulderTorsoFacing: [] } };
  for (const m of models) {
    const n = m.headline ? sizes.headline : sizes.programme;
    const t1 = Date.now();
    const results = runModel(m, n, (i) => { if ((i + 1) % 20 === 0 || i + 1 === n) log(`\r${m.id}: ${i + 1}/${n} sets`); });
    ev.exercises.push(exerciseStats(m, results));
    ev.breakdowns[m.id] = breakdown(m, results);
    if (m.id === 'squat') {
      ev.population2d.legTorso = results.map((r) => r.conditions.legTorso2d);
      ev.population2d.shoulderTorsoFacing = results.filter((r) => Math.abs(r.conditions.yawDeg) < 10).map((r) => r.conditions.shoulderTorso2d);
    }
    if (m.headline && sizes.pairs > 0) { log(`  roll/yaw pairs...`); ev.pairs.push(...runPairs(m, sizes.pairs)); }
    log(`  ${((Date.now() - t1) / 1000).toFixed(1)} s\n`);
  }
  if (!only) { log('real fixtures...\n'); ev.real = runReal(); }
  ev.seconds = (Date.now() - t0) / 1000;
  const md = formatReport(ev);
  process.stdout.write(md);
  mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  writeFileSync(path.join(ROOT, '.cache/evaluation.json'), JSON.stringify(ev, null, 1));
  if (write) {
    writeFileSync(path.join(ROOT, 'docs/evaluation.md'), md);
    log(`wrote docs/evaluation.md and .cache/evaluation.json (${ev.seconds.toFixed(0)} s)\n`);
  } else log(`(${ev.seconds.toFixed(0)} s; .cache/evaluation.json written, docs untouched: add --write)\n`);
}

// ------------------------------------------------------------------------------------------------ report
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function formatReport(ev: Evaluation): string {
  const L: string[] = [];
  const H = ev.exercises.filter((e) => e.headline), P = ev.exercises.filter((e) => !e.headline);
  L.push('# Evaluation: the checkers against the yardstick', '');
  L.push(`Generated by \`${ev.generatedBy}\` (yardstick/evaluate/run.ts) in ${ev.seconds.toFixed(0)} s: ${ev.sizes.headline} seeded sets per headline exercise, ${ev.sizes.programme} per programme exercise, ${ev.sizes.pairs} roll/yaw pairs per headline exercise, and every real fixture. Truth comes from the scripted 3D body (yardstick/README.md); the checkers see only what the camera and detector model make of it. Do not edit by hand: re-run.`, '');
  L.push('## Summary', '');
  L.push('Rep count exact = the checker counted exactly the reps whose movement is complete in the clip. Clear-fault F1 = cues per rep (hold) on reps with the 3D fault past its cut-off against clean reps; borderline reps are reported apart. False-cue sets = clean sets (every fault inside its clean band) with any warning/fault cue.', '');
  const sumRows = ev.exercises.map((e) => {
    const pairs = ev.pairs.filter((p) => p.exercise === e.id);
    return [
      `${e.id}${e.headline ? ' (headline)' : ''}`, String(e.sets),
      e.reps ? `${pct(e.reps.exact / e.reps.sets)} / ${e.reps.cleanSets ? pct(e.reps.cleanExact / e.reps.cleanSets) : '-'}` : '-',
      e.faults.map((f) => `${f.fault} ${f2(f.f1)}`).join('; ') || '-',
      `${e.falseCueSets}/${e.cleanSets}`,
      e.holdErrorMs ? `${(e.holdErrorMs.mae / 1000).toFixed(2)} s` : '-',
      pairs.map((p) => `${p.change}: ${pct(p.changed / Math.max(1, p.verdicts))}`).join('; ') || '-',
    ];
  });
  L.push(table(['exercise', 'sets', 'rep count exact (all / clean sets)', 'clear-fault F1', 'false-cue sets / clean sets', 'hold time MAE', 'verdicts changed by camera roll / yaw'], sumRows), '');
  const sld = ev.exercises.find((e) => e.id === 'single-leg-stand')?.measures.find((m) => m.metric === 'peakDropDeg');
  if (sld) L.push(`Reported peak pelvic drop vs 3D truth (single-leg stand, all rolls): MAE ${f2(sld.mae)} deg, bias ${f2(sld.biasMean)} deg, p90 ${f2(sld.p90)} deg (by roll: see the single-leg stand breakdown, column "metric MAE").`, '');
  if (ev.real.length) {
    L.push('Real fixtures (fixtures/real, labelled by eye):', '');
    L.push(table(['fixture', 'exercise', 'reps labelled', 'reps counted', 'status', 'failing checks'], ev.real.map((r) => [r.name, r.exercise, r.repsExpected, String(r.repsGot), r.status, r.failing.join('; ') || '-'])), '');
  }
  const lt = ev.population2d.legTorso, st = ev.population2d.shoulderTorsoFacing;
  if (lt.length) {
    const qs = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return [0.05, 0.5, 0.95].map((p) => s[Math.floor(p * (s.length - 1))]!.toFixed(2)).join(' / '); };
    L.push(`What the population looks like in 2D (squat sets, standing, keypoints without noise; 5th / 50th / 95th percentile): hip above ankle / torso ${qs(lt)}; shoulder width / torso facing the camera (|yaw| < 10 deg) ${st.length ? qs(st) : '-'}. Real recordings: ~1.1-1.8 and ~0.55-0.8.`, '');
  }
  L.push('## Per exercise and fault', '');
  L.push('TP / FN / FP / TN count reps (holds) with a clear fault flagged / missed, and clean ones flagged / not flagged. Latency = first cue minus the moment the 3D measure passed the cut-off (clear faults found).', '');
  const fr: string[][] = [];
  for (const e of ev.exercises) for (const f of e.faults) {
    fr.push([e.id, f.fault, f.per, String(f.cut), `${f.tp}/${f.fn}/${f.fp}/${f.tn}`, f2(f.precision), f2(f.recall), f2(f.f1), f.borderline ? `${f.borderlineFlagged}/${f.borderline}` : '-', `${f0(f.latencyMedianMs)} / ${f0(f.latencyP90Ms)}`]);
  }
  L.push(table(['exercise', 'fault (3D)', 'per', 'cut-off', 'TP/FN/FP/TN', 'precision', 'recall', 'F1', 'borderline flagged', 'latency median / p90 ms'], fr), '');
  L.push('### The same at other cut-offs (no published 3D cut-off: the choice matters)', '');
  L.push(table(['exercise', 'fault', 'cut-off', 'TP/FN/FP/TN', 'precision', 'recall', 'F1'],
    ev.exercises.flatMap((e) => e.altCutoffs.map((f) => [e.id, f.fault, String(f.cut), `${f.tp}/${f.fn}/${f.fp}/${f.tn}`, f2(f.precision), f2(f.recall), f2(f.f1)]))), '');
  L.push('## Rep counts, hold time, reported measures vs 3D truth', '');
  L.push(table(['exercise', 'rep sets', 'exact', 'exact on clean sets', 'MAE reps', 'hold sets', 'hold time MAE / bias s'],
    ev.exercises.map((e) => [e.id, e.reps ? String(e.reps.sets) : '-', e.reps ? pct(e.reps.exact / e.reps.sets) : '-', e.reps && e.reps.cleanSets ? pct(e.reps.cleanExact / e.reps.cleanSets) : '-', e.reps ? f2(e.reps.mae) : '-',
      e.holdErrorMs ? String(e.holdErrorMs.n) : '-', e.holdErrorMs ? `${(e.holdErrorMs.mae / 1000).toFixed(2)} / ${(e.holdErrorMs.bias / 1000).toFixed(2)}` : '-'])), '');
  L.push(table(['exercise', 'metric (checker) vs 3D truth', 'n', 'bias (mean error)', 'MAE', 'p90 |error|'],
    ev.exercises.flatMap((e) => e.measures.map((m) => [e.id, m.metric, String(m.n), f2(m.biasMean), f2(m.mae), f2(m.p90)]))), '');
  L.push('False cues on clean sets, by code:', '');
  L.push(table(['exercise', 'clean sets', 'with a false cue', 'codes'], ev.exercises.map((e) => [e.id, String(e.cleanSets), String(e.falseCueSets), Object.entries(e.falseCueCodes).map(([c, n]) => `${c} ${n}`).join(', ') || '-'])), '');
  if (ev.pairs.length) {
    L.push('## Verdicts under camera roll and yaw (the same sets filmed level and square, then changed)', '');
    L.push(table(['exercise', 'change', 'pairs', 'verdicts compared', 'changed', 'rep counts changed'], ev.pairs.map((p) => [p.exercise, p.change, String(p.pairs), String(p.verdicts), `${p.changed} (${pct(p.changed / Math.max(1, p.verdicts))})`, String(p.repChanged)])), '');
  }
  L.push('## Breakdown by condition (headline exercises)', '');
  L.push('Rep exact = on clean sets (n); fault F1 = all the exercise\'s clear faults pooled (TP/FP/FN); false cue = share of clean sets with a cue (n); metric MAE = the first reported metric of the exercise against its 3D truth (n).', '');
  for (const e of H) {
    L.push(`### ${e.id}`, '');
    L.push(table(['condition', 'bin', 'sets', 'rep exact (clean)', 'fault F1', 'false cue (clean)', 'metric MAE'], ev.breakdowns[e.id]!.map((r) => [r.condition, r.bin, String(r.sets), r.repExactClean, r.faultF1, r.falseCue, r.measureMae])), '');
  }
  if (P.length) {
    L.push('## Breakdown by condition (programme exercises, start condition and frame rate)', '');
    const rows = P.flatMap((e) => ev.breakdowns[e.id]!.filter((r) => r.condition === 'start' || r.condition === 'frame rate').map((r) => [e.id, r.condition, r.bin, String(r.sets), r.repExactClean, r.faultF1, r.falseCue]));
    L.push(table(['exercise', 'condition', 'bin', 'sets', 'rep exact (clean)', 'fault F1', 'false cue (clean)'], rows), '');
  }
  return `${L.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
