// Where a clip comes from and under which licence, read from the clip's own row of the markdown table in the
// README.md beside the clip (columns: clip | origin | licence | format | view | what happens). Each row names its
// own licence: clips from different sources (stock footage, an MIT-licensed dataset) sit in one folder, so the
// licence is never guessed from the rest of the file. The table is parsed with `marked` (GFM tables, escaped pipes
// and inline markup handled) rather than by splitting lines on '|'.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked, type Tokens } from 'marked';

export interface ClipRow {
  clip: string;
  origin: string;
  licence: string;
  /** Every column of the row by its header (lower case), e.g. format, view, "what happens". */
  columns: Record<string, string>;
}

/** Plain text of a table cell: inline code / emphasis markers dropped, whitespace collapsed. */
const cellText = (c: Tokens.TableCell): string => c.text.replace(/`([^`]*)`/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1').replace(/\s+/g, ' ').trim();

/**
 * Rows of every markdown table in `markdown` that has a `clip` column, keyed by the clip's file name. Tables without
 * a `clip` column are ignored. A clip listed twice is an error (which row would be the truth?).
 */
export function parseClipTable(markdown: string, where = 'README.md'): Map<string, ClipRow> {
  const rows = new Map<string, ClipRow>();
  for (const t of marked.lexer(markdown)) {
    if (t.type !== 'table') continue;
    const table = t as Tokens.Table;
    const header = table.header.map((h) => cellText(h).toLowerCase());
    if (!header.includes('clip')) continue;
    for (const r of table.rows) {
      const columns: Record<string, string> = {};
      header.forEach((h, i) => { columns[h] = r[i] ? cellText(r[i]) : ''; });
      const clip = columns.clip ?? '';
      if (!clip) continue;
      if (rows.has(clip)) throw new Error(`${where}: clip ${clip} has more than one row`);
      rows.set(clip, { clip, origin: columns.origin ?? '', licence: columns.licence ?? columns.license ?? '', columns });
    }
  }
  return rows;
}

export interface Provenance { origin: string; licence: string }

/**
 * Origin and licence of `video`: explicit values win; otherwise both come from the clip's row in README.md beside
 * the video. Throws a message saying what to do when the row, or one of its two cells, is missing.
 */
export function clipProvenance(video: string, explicit: Partial<Provenance> = {}): Provenance {
  if (explicit.origin && explicit.licence) return { origin: explicit.origin, licence: explicit.licence };
  const readme = path.join(path.dirname(video), 'README.md');
  const clip = path.basename(video);
  const how = 'give --origin "..." --licence "..."';
  if (!existsSync(readme)) throw new Error(`no README.md beside ${clip} to take its origin and licence from: ${how}`);
  const row = parseClipTable(readFileSync(readme, 'utf8'), readme).get(clip);
  if (!row) throw new Error(`${clip} has no row in ${readme} (a table with a "clip" column): ${how}`);
  const origin = explicit.origin ?? row.origin;
  const licence = explicit.licence ?? row.licence;
  if (!origin) throw new Error(`the row of ${clip} in ${readme} has no origin: give --origin "..."`);
  if (!licence) throw new Error(`the row of ${clip} in ${readme} has no licence: give --licence "..."`);
  return { origin, licence };
}
