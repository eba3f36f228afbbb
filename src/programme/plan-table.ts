// The plan as Markdown (tracks with their steps and doses, the weekly schedule, the sources), so the programme's
// README shows exactly the data the app runs; tests/unit/programme/plan.test.ts fails when the README is stale.
// Print it with `npx tsx tools/plan-table.ts`.
import type { Dose, Plan } from './plan-schema';

export function doseText(d: Dose): string {
  const side = d.sides === 'each' ? ' a side' : '';
  if (d.kind === 'reps') return `${d.sets} x ${d.reps}${side}${d.holdAtTopS ? `, ${d.holdAtTopS} s at the top` : ''}, rest ${d.restS} s`;
  if (d.kind === 'holds') return `${d.sets} x ${d.holdsPerSet === 1 ? '' : `${d.holdsPerSet} holds of `}${d.holdS} s${side}, rest ${d.restS} s`;
  return `one trial of up to ${d.trialS} s per leg`;
}

export function planTables(plan: Plan): string {
  const rows = ['| track | step | exercise id (config) | dose | sources |', '|---|---|---|---|---|'];
  for (const t of plan.tracks) {
    t.steps.forEach((s, i) => {
      const cfg = Object.keys(s.config).length ? ` \`${JSON.stringify(s.config)}\`` : '';
      rows.push(`| ${i === 0 ? `**${t.title}** (\`${t.id}\`)` : ''} | ${i + 1}. ${s.title} | \`${s.exerciseId}\`${cfg} | ${doseText(s.dose)} | ${s.sources.join(', ')} |`);
    });
  }
  const sched = ['| week | session 1 | session 2 | session 3 |', '|---|---|---|---|'];
  for (let w = 1; w <= plan.weeks; w++) {
    const cells = plan.sessions.filter((s) => s.week === w).map((s) => [...(s.test ? ['**test**'] : []), ...s.trackIds].join(', '));
    sched.push(`| ${w} | ${cells.join(' | ')} |`);
  }
  const sources = plan.sources.map((x) => `- \`${x.id}\`: ${x.publisher}, "${x.title}": ${x.usedFor}.`);
  return [...rows, '', ...sched, '', 'Sources (the articles the steps come from; the texts in the app are our own words):', ...sources].join('\n');
}
