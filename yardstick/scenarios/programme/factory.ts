// One recipe for the programme's rep exercises: a person, a working side, 2-5 reps of a scripted pose q = 0 -> 1
// -> 0, one fault scripted by an amplitude (clean / borderline / fault band), truth measured on the 3D bodies.
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import type { ArmPose, Body3D } from '../../body/skeleton';
import type { Vec3 } from '../../body/vec';
import type { Rng } from '../../rng';
import { clipFor, jitterTempo, planReps, type RepTempo } from '../reps';
import { bandValue } from '../solve';
import type { ExerciseModel, FaultDef, MeasureDef, StartCondition } from '../types';

export type Bands = { clean: [number, number]; borderline: [number, number]; fault: [number, number] };

export interface RepSpec {
  id: string;
  view: 'front' | 'side';
  lying: boolean;
  /** Sided exercise (the working side is drawn left or right). */
  sided: boolean;
  faults: FaultDef[];
  /** Per fault: the scripted amplitude's bands (the truth grade is measured on the bodies, not assumed). */
  bands: Record<string, Bands>;
  measure(faultId: string, b: Body3D, side: Side): number;
  /** The body at phase q (0 start posture, 1 target) with the fault amplitudes now. */
  body(A: Anthropometry, side: Side, q: number, amps: Record<string, number>): Body3D;
  camera(A: Anthropometry, side: Side): { lookAt: Vec3; azimuthDeg: number; heightRangeM: [number, number]; distanceRangeM: [number, number] };
  tempo: RepTempo;
  measures?: MeasureDef[];
  arms?: ArmPose[];
  starts?: StartCondition[];
  configOverrides?: (side: Side) => Record<string, unknown>;
}

export function repExercise(spec: RepSpec): ExerciseModel {
  return {
    id: spec.id, headline: false, kind: 'reps', faults: spec.faults, measures: spec.measures ?? [],
    starts: spec.starts ?? ['top-long', 'top-short', 'mid-descent', 'bottom'], arms: spec.arms ?? ['sides'],
    measure: (id, b, script) => spec.measure(id, b, script.side ?? 'left'),
    script(rng: Rng, A: Anthropometry, o) {
      const side: Side = rng.next() < 0.5 ? 'left' : 'right';
      const amps: Record<string, number> = {};
      const u = rng.next();
      for (const f of spec.faults) {
        const b = spec.bands[f.id];
        if (b) amps[f.id] = o.fault?.id === f.id ? bandValue(u, o.fault.level, b) : bandValue(rng.next(), 'clean', b);
      }
      const n = 2 + Math.floor(rng.next() * 4);
      const base = jitterTempo(rng, spec.tempo, 0.25);
      const tempos = Array.from({ length: n }, () => jitterTempo(rng, base));
      const repSide = spec.sided ? side : 'both';
      const plan = planReps(tempos, tempos.map(() => repSide), 3000, rng.uniform(300, 1500), o.endsMidRep ? jitterTempo(rng, base) : null);
      const bodyAt = (t: number) => spec.body(A, side, plan.phase.value(t), amps);
      return {
        script: {
          exerciseId: spec.id, ...(spec.sided ? { side } : {}), configOverrides: spec.configOverrides?.(side) ?? {}, view: spec.view, lying: spec.lying,
          body: A, bodyAt, armsAt: () => o.arms, durationMs: plan.durationMs, reps: plan.reps, holds: [], trials: [],
          camera: spec.camera(A, side), scripted: { ...amps }, notes: `${n} reps${spec.sided ? `, ${side} side` : ''}`,
        },
        ...clipFor(plan, o.start, rng),
      };
    },
  };
}
