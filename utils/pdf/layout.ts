// A PDF's text as pdfjs-dist reads it (positioned runs of text) laid out as lines, the way `pdftotext` prints a page:
// one line per baseline, columns and far-apart runs on lines of their own, a blank line before the footnote zone and
// the running footer, a form feed between pages. The text adapter (kamervraag/plaintext.ts) reads that shape. Pure.

/** The part of a pdfjs `TextItem` the layout needs */
export interface PdfRun {
  str: string;
  /** [a, b, c, d, x, y]: x and y of the run's baseline start */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  y: number;
  height: number;
  runs: PdfRun[];
}

const x = (r: PdfRun) => r.transform[4];
const y = (r: PdfRun) => r.transform[5];

/** A vertical gap this many times the page's usual line distance ends a block (the footnote zone, the footer) */
const BLOCK_GAP = 3;
/** Runs on one baseline further apart than this many times their height are separate columns (pdftotext: lines) */
const COLUMN_GAP = 4;
/** A run at least this much smaller than its line is a footnote marker or an exponent */
const SMALL = 0.7;
/** The most lines of furniture at a page's bottom: the colophon's three (id, ISSN, place) and the running footer */
const FURNITURE_LINES = 4;
/** Spacing accents some PDFs set apart after the letter ("Kostic" "´", "Yes" "¸ ilgöz"), as combining marks */
const COMBINING: Record<string, string> = {
  '´': '\u0301',
  '`': '\u0300',
  '¨': '\u0308',
  ˆ: '\u0302',
  '˜': '\u0303',
  '¸': '\u0327',
  ˇ: '\u030c',
  '˚': '\u030a',
};

/** The text of the pages, one string: lines, blank lines between blocks, `\f` between pages. */
export function layoutPages(pages: readonly (readonly PdfRun[])[]): string {
  return pages.map(layoutPage).join('\n\f');
}

export function layoutPage(runs: readonly PdfRun[]): string {
  const joined = baselines(runs.filter((r) => r.str.trim() !== '' && r.height > 0));
  const page = geometry(joined);
  const lines = joined.flatMap((line) => splitColumns(line, page));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1].y - lines[i].y);
  const usual = median(gaps.filter((g) => g > 0)) || 1;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && startsBlock(lines, i, usual)) out.push('');
    out.push(...lineTexts(line));
  });
  return out.join('\n');
}

/**
 * Does line `i` start a block of its own (a blank line before it)? The footnotes under the text (a gap, and a marker
 * opening the line) and the page's furniture at its bottom (the colophon, the running footer: after a gap of several
 * lines). A gap inside the text (around a table) is no block: the text adapter reads the page's text up to its first
 * blank line as the body.
 */
function startsBlock(lines: Line[], i: number, usual: number): boolean {
  const gap = lines[i - 1].y - lines[i].y;
  if (marker(lines[i])) return gap > 1.5 * usual;
  return gap > BLOCK_GAP * usual && i >= lines.length - FURNITURE_LINES;
}

/** Runs grouped by baseline, top of the page first; a raised small run (a footnote marker) joins the line it is on. */
function baselines(runs: PdfRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => y(b) - y(a) || x(a) - x(b));
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - y(run)) < 0.5 * Math.max(l.height, run.height));
    if (line) {
      line.runs.push(run);
      // The line's baseline is its largest run's: a superscript must not pull it up.
      if (run.height > line.height) {
        line.height = run.height;
        line.y = y(run);
      }
    } else lines.push({ y: y(run), height: run.height, runs: [run] });
  }
  for (const l of lines) l.runs.sort((a, b) => x(a) - x(b));
  return lines.sort((a, b) => b.y - a.y);
}

interface Geometry {
  /** Where the text column's lines start: most lines start here */
  left: number;
}

function geometry(lines: Line[]): Geometry {
  const starts = new Map<number, number>();
  for (const l of lines) {
    const at = Math.round(x(l.runs[0]));
    starts.set(at, (starts.get(at) ?? 0) + 1);
  }
  let left = 0;
  let most = 0;
  for (const [at, n] of starts) if (n > most) [left, most] = [at, n];
  return { left };
}

/**
 * A baseline of runs far apart is one line per column where it starts with margin text (the title, the colophon's
 * place, left of the text column); a table's row stays one line ("Grond 2 3 6"), and so does the running footer with
 * its page number ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1").
 */
function splitColumns(line: Line, page: Geometry): Line[] {
  const parts: Line[] = [];
  let current: Line | null = null;
  let end = 0;
  line.runs.forEach((run) => {
    const far = current !== null && x(run) - end > COLUMN_GAP * Math.min(run.height, current.height);
    const margin = current !== null && x(current.runs[0]) < page.left - 1;
    if (!current || (far && margin)) {
      current = { y: line.y, height: run.height, runs: [] };
      parts.push(current);
    }
    current.runs.push(run);
    current.height = Math.max(current.height, run.height);
    end = Math.max(end, x(run) + run.width);
  });
  return parts;
}

/** The footnote marker opening a line: a small number before the note's text */
function marker(line: Line): PdfRun | null {
  const [first] = line.runs;
  return line.runs.length > 1 && first.height < SMALL * line.height && /^\s*\d{1,3}\s*$/u.test(first.str)
    ? first
    : null;
}

/** A line's text; a footnote's marker stands on a line of its own, as pdftotext has it. */
function lineTexts(line: Line): string[] {
  const opening = marker(line);
  return opening ? [opening.str.trim(), joinRuns(line.runs.slice(1))] : [joinRuns(line.runs)];
}

/** Runs of one line joined, with a space where the PDF leaves a gap and none where it has one already. */
function joinRuns(runs: PdfRun[]): string {
  let text = '';
  let end: number | null = null;
  for (const run of runs) {
    const gap = end === null ? 0 : x(run) - end;
    const mark = COMBINING[run.str[0] ?? ''];
    if (mark && end !== null && gap < 0.3 * run.height && /\p{L}$/u.test(text)) {
      // The accent over the letter before it: "c" + "´" is "ć", as the PDF shows it. What follows the accent in the
      // same run ("¸ ilgöz" after "Yes") goes on the word, without the space pdfjs puts for the accent's own width.
      text = (text + mark).normalize('NFC') + run.str.slice(1).replace(/^\s+/u, '');
      end = Math.max(end, x(run) + run.width);
      continue;
    }
    if (end !== null && gap > 0.15 * run.height && !/\s$/u.test(text) && !/^\s/u.test(run.str)) text += ' ';
    text += run.str;
    end = x(run) + run.width;
  }
  return text.replace(/\s+$/u, '').replace(/^\s+/u, '');
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
