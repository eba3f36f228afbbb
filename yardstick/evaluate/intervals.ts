// Runs of frames that carry a finding (a cue of one code and side, a running hold), as time intervals. A frame the
// checker could not judge (it carries a visibility finding) does not end a run unless the run has been silent for
// longer than `bridgeMs`: the app keeps a cue on screen over such a short dropout, so the user sees one interval.
import type { Finding, FindingSide } from '../../src/rules/engine/types';

export interface FindingInterval { code: string; side: FindingSide; startMs: number; endMs: number; frames: number }

export function findingIntervals(
  perFrame: readonly { timestampMs: number; findings: readonly Finding[] }[],
  keyOf: (f: Finding) => string | null,
  bridgeMs: number,
): FindingInterval[] {
  const open = new Map<string, FindingInterval>();
  const closed: FindingInterval[] = [];
  const close = (key: string) => { closed.push(open.get(key)!); open.delete(key); };
  for (const { timestampMs: t, findings } of perFrame) {
    const unjudged = findings.some((f) => f.kind === 'visibility');
    if (unjudged && bridgeMs > 0) {
      for (const [key, iv] of [...open]) if (t - iv.endMs > bridgeMs) close(key);
      continue;
    }
    const keys = new Set(findings.map(keyOf).filter((k): k is string => k !== null));
    for (const key of [...open.keys()]) if (!keys.has(key)) close(key);
    for (const key of keys) {
      const iv = open.get(key);
      if (iv) { iv.endMs = t; iv.frames++; continue; }
      const [code, side] = key.split('|') as [string, FindingSide];
      open.set(key, { code, side, startMs: t, endMs: t, frames: 1 });
    }
  }
  return [...closed, ...open.values()].sort((a, b) => a.startMs - b.startMs || a.code.localeCompare(b.code));
}
