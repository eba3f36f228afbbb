// Calendar days as YYYY-MM-DD strings (the user's local day, chosen by the caller): differences and offsets are
// counted on UTC midnights so a daylight-saving change never makes a day 23 or 25 hours long. Pure.
const DAY_MS = 86_400_000;

function utcMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD day: "${day}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

export function addDays(day: string, n: number): string {
  return new Date(utcMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Programme week of a day: 1 for the start day and the six after it; 0 or less before the start. */
export function weekOf(startDay: string, day: string): number {
  return Math.floor(daysBetween(startDay, day) / 7) + 1;
}

/** First and last day of a programme week. */
export function weekDays(startDay: string, week: number): { from: string; to: string } {
  const from = addDays(startDay, (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}
