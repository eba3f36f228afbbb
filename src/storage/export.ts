// Export of the history: JSON (the records as stored) and CSV (one row per rep or hold, one column per metric).
import type { SessionRecord } from './session-record';

export function toJson(records: readonly SessionRecord[]): string {
  return JSON.stringify({ format: 'hip-trainer-sessions', version: 1, sessions: records }, null, 2);
}

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v;
  // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FIXED = ['session_id', 'started_at', 'exercise', 'set', 'set_side', 'row', 'index', 'side', 'duration_ms', 'reason', 'faults'] as const;

export function toCsv(records: readonly SessionRecord[]): string {
  const metricKeys = new Set<string>();
  for (const r of records) for (const s of r.sets) {
    for (const rep of s.reps) Object.keys(rep.metrics).forEach((k) => metricKeys.add(k));
    for (const h of s.holds) Object.keys(h.metrics).forEach((k) => metricKeys.add(k));
  }
  const keys = [...metricKeys].sort();
  const lines = [[...FIXED, ...keys].join(',')];
  for (const r of records) {
    r.sets.forEach((s, si) => {
      const base = [r.id, r.startedAt, r.exerciseId, si + 1, s.side ?? ''];
      for (const rep of s.reps) {
        lines.push([...base, 'rep', rep.index, rep.side, rep.durationMs, '', rep.faults.join(';'), ...keys.map((k) => rep.metrics[k])].map(cell).join(','));
      }
      for (const h of s.holds) {
        lines.push([...base, 'hold', '', h.side, h.elapsedMs, h.reason, '', ...keys.map((k) => h.metrics[k])].map(cell).join(','));
      }
      if (s.reps.length === 0 && s.holds.length === 0) {
        lines.push([...base, 'set', '', '', s.durationMs, '', s.faults.map((f) => `${f.code}x${f.count}`).join(';'), ...keys.map(() => '')].map(cell).join(','));
      }
    });
  }
  return lines.join('\r\n') + '\r\n';
}
