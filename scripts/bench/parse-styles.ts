// Part of the "parse" section: the largest corpus document in every input style it has a fixture in (issue 17), and
// text of 1×, 10× and 100× its pairs in three layouts, to show the time grows linearly with the text.

import { readFileSync, statSync } from 'node:fs';
import type { FixtureCase } from '../../test/support/fixtures';
import { parseText } from '../../utils/kamervraag';
import { fmtKb, fmtMs, fmtRatio, ratio, renderTable, type Timing, timeInterleaved, verdict } from './figures';

const STYLES = ['txt', 'raw', 'pdfjs', 'eol', 'spaced', 'flat', 'glued', 'md'] as const;
const SIZES = [1, 10, 100] as const;
const GOAL_MS = 2;

/** The reference for text: one pass cutting it into trimmed lines (what any reader of lines does at least). */
export function splitLines(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].trim();
  return lines.join('\n');
}

interface StyleResult {
  style: string;
  name: string;
  bytes: number;
  pairs: number;
  parse: Timing;
  reference: Timing;
}

function time(text: string, runs: number): { parse: Timing; reference: Timing } {
  const t = timeInterleaved(
    { parse: () => parseText(text), reference: () => splitLines(text) },
    { warmup: 3, warmupMs: 250, runs },
  );
  return { parse: t.parse, reference: t.reference };
}

/** The document's pairs `times` over, renumbered, under its header: in lines, on one line, glued. */
function synthetic(base: string, times: number): Record<'lines' | 'flat' | 'glued', string> {
  const doc = parseText(base).document;
  const lines: string[] = [...doc.header];
  let n = 0;
  for (let k = 0; k < times; k++) {
    for (const p of doc.pairs) {
      const numbers = p.numbers.map(() => ++n);
      lines.push(`Vraag ${numbers.join(' en ')}`, ...p.question.split('\n'));
      if (p.answer !== null) lines.push(`Antwoord ${numbers.join(' en ')}`, ...p.answer.split('\n'));
    }
  }
  return { lines: lines.join('\n'), flat: lines.join(' '), glued: lines.join('') };
}

export function benchStyles(cases: FixtureCase[], runs: number, print: (s: string) => void) {
  // The largest document that has a case in every style: the one whose pdftotext text is largest.
  const txt = cases.filter((c) => c.name.startsWith('txt-ah-'));
  const largest = txt.reduce((a, b) => (statSync(a.source).size >= statSync(b.source).size ? a : b));
  const id = largest.name.slice('txt-'.length);
  const rows: StyleResult[] = [];
  for (const style of STYLES) {
    const c = cases.find((x) => x.name === `${style}-${id}`);
    if (!c) continue;
    const text = readFileSync(c.source, 'utf8');
    rows.push({
      style,
      name: c.name,
      bytes: statSync(c.source).size,
      pairs: parseText(text).document.pairs.length,
      ...time(text, runs),
    });
  }
  print(
    `\nInput styles: ${id}, the largest corpus document, in each style (ref = line split of the same text):\n`,
  );
  print(
    renderTable(
      ['style', '>KB', '>pairs', '>parse ms', '>ref ms', '>parse/ref'],
      rows.map((r) => [
        r.style,
        fmtKb(r.bytes),
        String(r.pairs),
        fmtMs(r.parse.median),
        fmtMs(r.reference.median),
        fmtRatio(ratio(r.parse.median, r.reference.median)),
      ]),
    ),
  );
  const slowest = rows.reduce((a, b) => (a.parse.median >= b.parse.median ? a : b));
  const met = slowest.parse.median < GOAL_MS;
  print(
    `slowest style: ${slowest.style}, ${fmtMs(slowest.parse.median)} ms (goal < ${GOAL_MS} ms in every style): ` +
      verdict(met),
  );

  const base = readFileSync(largest.source, 'utf8');
  const growth: Record<string, { ms: number[]; ratios: (number | null)[] }> = {};
  const table: string[][] = [];
  for (const layout of ['lines', 'flat', 'glued'] as const) {
    const ms = SIZES.map((times) => time(synthetic(base, times)[layout], runs).parse.median);
    const ratios = [ratio(ms[1], ms[0]), ratio(ms[2], ms[1])];
    growth[layout] = { ms, ratios };
    table.push([layout, ...ms.map(fmtMs), ...ratios.map(fmtRatio)]);
  }
  print(
    `\nIts pairs 1×, 10× and 100× (renumbered), in lines, on one line and glued (linear growth: about 10):\n`,
  );
  print(renderTable(['layout', '>1× ms', '>10× ms', '>100× ms', '>10×/1×', '>100×/10×'], table));

  return {
    document: id,
    styles: rows.map((r) => ({
      style: r.style,
      bytes: r.bytes,
      pairs: r.pairs,
      parseMs: r.parse.median,
      refMs: r.reference.median,
      ratio: ratio(r.parse.median, r.reference.median),
    })),
    goalMs: GOAL_MS,
    met,
    growth,
  };
}
