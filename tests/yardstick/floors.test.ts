// Floors for what the rules achieve today against the yardstick (tests/yardstick/floors.ts): a regression fails.
import { describe, expect, it } from 'vitest';
import { faultStats, repStats } from '../../yardstick/evaluate/aggregate';
import { runModel } from '../../yardstick/evaluate/run';
import { MODELS } from '../../yardstick/scenarios/index';
import { FLOOR_SETS, FLOORS } from './floors';

describe('rules vs the yardstick: floors', () => {
  for (const m of MODELS) {
    it(`${m.id} stays at or above its floors`, () => {
      const rs = runModel(m, m.headline ? FLOOR_SETS.headline : FLOOR_SETS.programme);
      const rep = repStats(rs);
      let tp = 0, fp = 0, fn = 0;
      for (const f of m.faults) { const s = faultStats(rs, f); tp += s.tp; fp += s.fp; fn += s.fn; }
      const got = {
        repExact: rep ? rep.exact / rep.sets : undefined,
        faultF1: tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : undefined,
        falseCueSets: rs.filter((r) => r.falseCues.length).length,
        holdMaeMs: rs.some((r) => r.holds) ? rs.filter((r) => r.holds).reduce((s, r) => s + Math.abs(r.holds!.gotMs - r.holds!.truthMs), 0) / rs.filter((r) => r.holds).length : undefined,
      };
      // eslint-disable-next-line no-console
      console.log(`${m.id}: ${JSON.stringify(got)}`);
      const fl = FLOORS[m.id] ?? {};
      if (fl.repExact !== undefined) expect(got.repExact, 'rep exact').toBeGreaterThanOrEqual(fl.repExact);
      if (fl.faultF1 !== undefined) expect(got.faultF1, 'fault F1').toBeGreaterThanOrEqual(fl.faultF1);
      if (fl.maxFalseCueSets !== undefined) expect(got.falseCueSets, 'false-cue sets').toBeLessThanOrEqual(fl.maxFalseCueSets);
      if (fl.maxHoldMaeMs !== undefined) expect(got.holdMaeMs, 'hold MAE').toBeLessThanOrEqual(fl.maxHoldMaeMs);
    }, 60_000);
  }
});
