// Adapter: plain text as extracted from the PDFs (pdftotext) → blocks. Knows PDF page furniture and footnote zones.

import { PRINTED_ID_LINE } from '../site/ids';
import type { Block, SourceMeta } from './blocks';
import { FOOTER, ISSN, PLACE } from './furniture';
import { inlineSplitter } from './inline';
import { isMarkdown, markdownToText } from './markdown';

/** Page 1's title lines, also glued to each other ("Tweede Kamer der Staten-GeneraalVergaderjaar 2023–2024") */
const KAMER = /(Tweede|Eerste) Kamer der Staten-Generaal/u;
const VERGADERJAAR = /Vergaderjaar\s*(\d{4})\s*[–-]\s*(\d{4})/u;
/** The running footer, with the page number on its line or not (pdftotext puts it on a line of its own) */
const RUNNING_FOOTER = new RegExp(String.raw`^${FOOTER}(?: \d{1,3})?$`, 'u');
/** pdftotext -raw glues the footer to the line before it: "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar …, Aanhangsel 1" */
const GLUED_FOOTER = new RegExp(String.raw`^(.*?)\s*(${FOOTER}(?: \d+)?)$`, 'u');
/** A running footer anywhere in a line (glued to the next page's first words, in text without page breaks) */
const ANY_FOOTER = new RegExp(String.raw`${FOOTER}(?!\s*(?:van|Handelingen))`, 'u');
const FURNITURE = [
  /^Aanhangsel van de Handelingen$/u,
  /^Vragen gesteld door de leden der Kamer, met de daarop door de$/u,
  /^regering gegeven antwoorden$/u,
  /^Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden$/u,
  new RegExp(`^${ISSN}$`, 'u'),
  new RegExp(`^${PLACE}$`, 'u'),
];
const BARE_NUMBER = /^\d{1,5}$/u;
const GLUED_NUMBER = /^(\d{1,5})(?:Vragen|Mededeling|Antwoord) van\b/u;
/** Words after a line-end hyphen that make it a real (suspended) hyphen: "milieu-\nen sociale" */
const KEEP_HYPHEN_BEFORE = /^(?:en|of|tot|als|noch|dan)\b/u;

export interface TextParse {
  blocks: Block<number>[];
  meta: SourceMeta;
}

/** Joins words split over lines ("aanlei-\nding" → "aanleiding"), keeping suspended hyphens ("milieu-\nen"). */
export function joinHyphenated(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1] : undefined;
    if (
      prev !== undefined &&
      /\p{L}-$/u.test(prev) &&
      /^\p{Ll}/u.test(line) &&
      !KEEP_HYPHEN_BEFORE.test(line)
    ) {
      const [first, ...rest] = line.split(' ');
      out[out.length - 1] = prev.slice(0, -1) + first;
      if (rest.length) out.push(rest.join(' '));
      continue;
    }
    out.push(line);
  }
  return out;
}

export function textToBlocks(input: string): TextParse {
  const meta: SourceMeta = {};
  const blocks: Block<number>[] = [];
  const furniture = (text: string, page: number) => blocks.push({ text, role: 'furniture', source: page });
  const body: string[] = [];
  const notes: Block<number>[] = [];

  let nextNote = 1;
  const inline = inlineSplitter(meta);
  const text = isMarkdown(input) ? markdownToText(input) : input;
  const pages = text.replace(/\r\n?/g, '\n').split('\f');
  pages.forEach((pageText, page) => {
    const lines = pageText.split('\n').map((l) => l.trim());
    // The Aanhangsel number glued to the header sentence after it ("1999Vragen van de leden …"): two lines.
    const glued = lines.findIndex((l) => GLUED_NUMBER.test(l));
    if (glued >= 0) {
      const m = GLUED_NUMBER.exec(lines[glued]) as RegExpExecArray;
      lines.splice(glued, 1, m[1], lines[glued].slice(m[1].length));
    }
    // A typeset page ends in its running footer (and the page number): a footer elsewhere is one of many in a text
    // without pages (every page's text run together).
    const footers = lines.filter((l) => ANY_FOOTER.test(l)).length;
    const footerAt =
      footers === 1
        ? lines.findIndex(
            (l, k) =>
              RUNNING_FOOTER.test(l) &&
              lines.slice(k + 1).every((after) => !after || BARE_NUMBER.test(after)),
          )
        : -1;
    let i = 0;
    // Page 1 of a typeset document: title lines, then the Aanhangsel number right before "Vragen van".
    const firstAsk = lines.findIndex((l) => /^(?:Vragen van|Mededeling van|Antwoord van)\b/u.test(l));
    if (firstAsk > 0 && lines.slice(0, firstAsk).some((l) => KAMER.test(l) || VERGADERJAAR.test(l))) {
      // The number is the last line before "Vragen van", blank lines aside.
      let numberAt = firstAsk - 1;
      while (numberAt > 0 && !lines[numberAt]) numberAt--;
      for (; i < firstAsk; i++) {
        const l = lines[i];
        if (!l) continue;
        const kamer = KAMER.exec(l);
        const jaar = VERGADERJAAR.exec(l);
        if (kamer) meta.chamberName = kamer[0];
        if (jaar) meta.vergaderjaar = `${jaar[1]}-${jaar[2]}`;
        if (BARE_NUMBER.test(l) && i === numberAt) meta.aanhangselnummer = Number(l);
        furniture(l, page);
      }
    }
    if (footerAt < 0) {
      // No page layout (pdftotext -raw, or text from elsewhere): furniture can stand on any line.
      for (; i < lines.length; i++) {
        const l = lines[i];
        if (!l) continue;
        const glued = GLUED_FOOTER.exec(l);
        const printed = PRINTED_ID_LINE.exec(l);
        if (printed) meta.id = printed[1];
        if (glued && (!glued[1] || isFurniture(glued[1]))) furniture(l, page);
        else if (isFurniture(l)) furniture(l, page);
        else {
          // Flat or glued text: headings and furniture inside the line, cut out.
          for (const part of inline.split(l)) {
            if (part.furniture) furniture(part.text, page);
            else body.push(part.text);
          }
        }
      }
      return;
    }
    // A typeset page: body, blank line, footnote zone, running footer, page number.
    while (i < footerAt && !lines[i]) i++;
    const pageBody: string[] = [];
    for (; i < footerAt && lines[i]; i++) {
      if (isFurniture(lines[i])) furniture(lines[i], page);
      else {
        for (const part of inline.split(lines[i])) {
          if (part.furniture) furniture(part.text, page);
          else pageBody.push(part.text);
        }
      }
    }
    // The first footnote marker can hang under the last body line, with no blank line between.
    const zone: string[] = [];
    while (pageBody.length > 1 && isMarker(pageBody[pageBody.length - 1], nextNote)) {
      zone.unshift(pageBody.pop() as string);
    }
    body.push(...pageBody);
    for (; i < footerAt; i++) {
      const l = lines[i];
      if (!l) continue;
      const printed = PRINTED_ID_LINE.exec(l);
      if (printed) meta.id = printed[1];
      if (printed || isFurniture(l)) furniture(l, page);
      else zone.push(l);
    }
    for (const n of footnoteZone(zone, nextNote)) {
      notes.push({ ...n, source: page });
      if (n.marker) nextNote = Math.max(nextNote, Number(n.marker) + 1);
    }
    for (const l of lines.slice(footerAt)) if (l) furniture(l, page);
  });

  const bodyBlocks = joinHyphenated(body).map((t): Block<number> => ({ text: t }));
  return { blocks: [...bodyBlocks, ...notes, ...blocks], meta };
}

/** A footnote marker line: a small number close to the next expected footnote number (not a year, not a count). */
function isMarker(line: string, nextNote: number): boolean {
  if (!BARE_NUMBER.test(line)) return false;
  const n = Number(line);
  return n >= nextNote && n <= nextNote + 9;
}

function isFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line)) || PRINTED_ID_LINE.test(line);
}

/**
 * Footnotes at a page bottom: marker lines ("3") and text lines. pdftotext sometimes puts a marker after the texts
 * it belongs to; such a late marker takes the last line of the first text that holds more than one line.
 */
function footnoteZone(lines: string[], nextNote = 1): Block[] {
  const notes: { marker: string | null; lines: string[] }[] = [];
  const late: string[] = [];
  let open: { marker: string | null; lines: string[] } | null = null;
  for (const line of lines) {
    if (isMarker(line, nextNote)) {
      if (open && open.lines.length === 0) late.push(open.marker ?? '');
      open = { marker: line, lines: [] };
      notes.push(open);
      continue;
    }
    if (!open) {
      open = { marker: null, lines: [] };
      notes.push(open);
    }
    open.lines.push(line);
  }
  if (open && open.lines.length === 0) late.push(open.marker ?? '');
  const withText = notes.filter((n) => n.lines.length > 0);
  for (const marker of late) {
    const orphan = withText.find((n) => n.marker === null);
    if (orphan) {
      orphan.marker = marker;
      continue;
    }
    const donor = withText.find((n) => n.lines.length > 1);
    if (donor) withText.push({ marker, lines: [donor.lines.pop() as string] });
    else withText.push({ marker, lines: [] });
  }
  return withText
    .sort((a, b) => Number(a.marker ?? 0) - Number(b.marker ?? 0))
    .map((n) => ({ text: n.lines.join('\n'), role: 'noot', marker: n.marker ?? '' }));
}
