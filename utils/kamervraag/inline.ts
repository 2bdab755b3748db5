// Flat text: a document run together on one line, or lines glued without a space (text copied from viewers, data sets,
// extraction tools). Finds inline what plaintext.ts finds by line: the page furniture (the title block, the colophon,
// the running footer with its page number) and the question/answer headings, and cuts each line there. Pure.

import type { SourceMeta } from './blocks';
import { ISSN, PLACE, FOOTER as PRINTED_FOOTER } from './furniture';
import { parseNumbers } from './headings';

export interface Part {
  text: string;
  furniture?: boolean;
}

/** The typeset title block of page 1, run together in one of the orders extraction tools give it */
const TITLE =
  /^\s*((?:Tweede|Eerste) Kamer der Staten-Generaal)\s*\d?\s*Vergaderjaar\s*(\d{4})\s*[–-]\s*(\d{4})\s*\d?\s*Aanhangsel van de Handelingen\s*(?:Vragen gesteld door de leden der Kamer, met de daarop door de\s*regering gegeven antwoorden)?\s*(\d{1,5})?\s*(?=(?:Vragen|Mededeling|Antwoord)\s*van\b)/u;
const TITLE_MAX = 600;
/** Page 1's colophon: "ah-tk-20232024-1481 ISSN 0921 - 7398 ’s-Gravenhage 2024" */
const COLOPHON = new RegExp(String.raw`(ah-(?:tk|ek)-\d{8}-\d{1,5})\s*${ISSN}(?:\s*${PLACE})?`, 'gu');
/** The running footer ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"); its page number is read on its own */
const FOOTER = new RegExp(String.raw`(?:${PLACE}\s*)?${PRINTED_FOOTER}\b`, 'gu');

// Numbers as in headings.ts, each number at most 3 digits: no question is numbered 1000 or more, and a year right after
// a glued heading ("Antwoord 1 2019 …") is then not taken for one.
const NUMS = String.raw`\d{1,3}(?:\s*(?:,|&|\ben\b|t\/m|tot\s+en\s+met|[-–])\s*\d{1,3}|\s+\d{1,3})*(?!\d)`;
/** A heading anywhere in a line; whether it is one is decided by what stands around it (isHeadingAt) */
const INLINE_HEADING = new RegExp(
  String.raw`(Vra(?:ag|gen)|Antwoord(?:en)?)(?:\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen))?\s*(${NUMS})\s*[:.]?|Mededeling\s*:?`,
  'gu',
);
/** What may end the text before a heading: a sentence, a bracket or quote, a footnote or page number, Markdown */
const ENDS_BEFORE = /[.?!:;)\]”’"»…\d*_#|]\s*$/u;
/** Glued: a heading straight after a word, no space ("toelichtingAntwoord 1") */
const GLUED_BEFORE = /\p{L}$/u;
/** In-sentence: a heading after a word and a space ("Antwoord 9 Ja Vraag 10 Wilt u …"), taken only in sequence */
const WORD_BEFORE = /\p{L}\s+$/u;
/**
 * What starts the text after a heading, past Markdown's emphasis: a capital, a quote, a bullet or bracket (never "van
 * het lid …", never "3 …")
 */
const STARTS_AFTER = /^[*_]*(?:\s*$|\s*[\p{Lu}“"‘'«•(])/u;
/** How the text after a Mededeling heading starts: a capital word (not "van", as in "Mededeling van Minister …") */
const STARTS_AFTER_MEDEDELING = /^\s*\p{Lu}/u;
/**
 * A footnote's marker glued to the citation it opens ("…nr. 153Kamerstukken II …" is nr. 15, then note 3): digits
 * right before a citation's first word with no space between, which no typeset line has.
 */
const GLUED_MARKER =
  /(\d+)(?=Kamerstuk|Kamerbrief|(?:Tweede|Eerste) Kamer,|Aanhangsel|Handelingen|https?:\/\/|www\.)/gu;
const MAY_GLUE = new RegExp(GLUED_MARKER.source, 'u');
/** How far back before a heading, and forward after it, its context is read */
const BEFORE_LOOK = 12;
const AFTER_LOOK = 40;
/** Quick test: could the line hold any of the above? Most lines of laid-out text hold none. */
const MAY_HOLD = /Vra|Antw|Mededeling|Kamer|ISSN/u;
/** A line this long is no typeset line: it is flat text, and headings and furniture inside it are looked for */
export const FLAT_LINE = 200;

export interface InlineSplitter {
  split(line: string): Part[];
}

/**
 * A splitter for one document. It keeps the numbering seen so far: a question heading must go on from the last
 * question ("Vraag 2" after "Vraag 1"), an answer must answer an asked question; a mention that does not fit is text.
 */
export function inlineSplitter(meta: SourceMeta): InlineSplitter {
  let lastQuestion = 0;
  let lastSide: 'vraag' | 'antwoord' | null = null;
  let page = 1;
  let first = true;
  /** The next footnote marker expected (glued text) */
  let nextNote = 0;

  const fits = (side: string, numbers: number[], strict: boolean): boolean => {
    if (numbers.length === 0) return false;
    if (strict) {
      // Only the next step: the next question after an answer, or the answer to the question just asked.
      if (side.startsWith('Vra')) return lastSide === 'antwoord' && numbers[0] === lastQuestion + 1;
      return lastSide === 'vraag' && numbers.includes(lastQuestion);
    }
    if (side.startsWith('Vra'))
      return numbers[0] > lastQuestion && numbers[numbers.length - 1] <= lastQuestion + 50;
    return lastQuestion === 0 || numbers[numbers.length - 1] <= lastQuestion;
  };

  /**
   * Glued footnotes apart: a line break before each marker glued to a citation. A marker glued to digits (the number
   * the note before ended with) is the expected next marker only; after anything else it is any one or two digits.
   */
  const notes = (text: string, out: Part[]) => {
    let from = 0;
    for (const m of text.matchAll(GLUED_MARKER)) {
      const digits = m[1];
      const afterDigit = m.index > 0 && /\d/u.test(text[m.index - 1]);
      let marker = '';
      if (nextNote > 0 && digits.length > String(nextNote).length && digits.endsWith(String(nextNote))) {
        marker = String(nextNote);
      } else if (!afterDigit && digits.length <= 2 && digits[0] !== '0') marker = digits;
      else if (/^(?:19|20)\d\d[1-9]\d?$/u.test(digits)) marker = digits.slice(4); // a date's year, then the marker
      if (!marker) continue;
      const at = m.index + digits.length - marker.length;
      if (at > from) headings(text.slice(from, at), out);
      from = at;
      nextNote = Number(marker) + 1;
    }
    headings(text.slice(from), out);
  };

  /** The headings in a stretch of text without furniture, as parts. */
  const headings = (text: string, out: Part[]) => {
    let from = 0;
    /** Where the text after `from` starts (its first non-space), looked up once per heading taken */
    let textAt = -1;
    INLINE_HEADING.lastIndex = 0;
    for (let m = INLINE_HEADING.exec(text); m; m = INLINE_HEADING.exec(text)) {
      if (textAt < from) {
        const k = text.slice(from).search(/\S/u);
        textAt = k < 0 ? text.length : from + k;
      }
      // What stands right before: a few characters are enough, and looking no further keeps a long line linear.
      const before = text.slice(Math.max(from, m.index - BEFORE_LOOK), m.index);
      let label = m[0];
      // What follows, as far as needed (a copy of all the rest for every candidate would make a long line quadratic).
      const after = () => {
        const at = m.index + label.length;
        const next = text.slice(at, at + AFTER_LOOK);
        // Nothing but spaces up to the end of the look: the text's end only if the text ends there.
        return next.trim() === '' && at + AFTER_LOOK < text.length ? `${next}…` : next;
      };
      const atStart = textAt >= m.index;
      const placed =
        atStart || ENDS_BEFORE.test(before) || (GLUED_BEFORE.test(before) && !/\s$/u.test(before));
      // In a sentence only as the very next step, and not "… op Vraag 3." ending a sentence itself.
      const inSentence = !placed && WORD_BEFORE.test(before) && !/\.\s*$/u.test(m[0]);
      let ok = false;
      if ((placed || inSentence) && m[1]) {
        let numbers = parseNumbers(m[2]);
        if (!fits(m[1], numbers, inSentence) || !STARTS_AFTER.test(after())) {
          // "Vraag 2 13 procent …": try the first number alone.
          const one = /^\D*?(\d{1,3})/u.exec(m[0].slice(m[1].length));
          if (one) {
            label = m[0].slice(0, m[1].length + one[0].length);
            numbers = parseNumbers(one[1]);
          }
        }
        ok = fits(m[1], numbers, inSentence) && STARTS_AFTER.test(after());
        if (ok) lastSide = m[1].startsWith('Vra') ? 'vraag' : 'antwoord';
        if (ok && lastSide === 'vraag') lastQuestion = numbers[numbers.length - 1];
      } else if (placed) {
        ok = STARTS_AFTER_MEDEDELING.test(after()) && !/^\s*van\b/u.test(after());
      }
      if (!ok) {
        INLINE_HEADING.lastIndex = m.index + 1;
        continue;
      }
      const preceding = text.slice(from, m.index).trim();
      if (preceding) out.push({ text: preceding });
      out.push({ text: label.trim() });
      from = m.index + label.length;
      INLINE_HEADING.lastIndex = from;
    }
    const rest = text.slice(from).trim();
    if (rest) out.push({ text: rest });
  };

  /** The furniture of a line, cut out; what is between goes to `headings`. */
  const split = (line: string): Part[] => {
    const out: Part[] = [];
    let text = line;
    if (first && text.trim()) {
      first = false;
      // The title block is short: the pattern (several optional spaces in a row) never reads past it.
      const title = TITLE.exec(text.slice(0, TITLE_MAX));
      if (title) {
        meta.chamberName ??= title[1];
        meta.vergaderjaar ??= `${title[2]}-${title[3]}`;
        if (title[4]) meta.aanhangselnummer ??= Number(title[4]);
        out.push({ text: title[0].trim(), furniture: true });
        text = text.slice(title[0].length);
      }
    }
    if (!MAY_HOLD.test(text) && !MAY_GLUE.test(text)) {
      if (text.trim()) out.push({ text: text.trim() });
      return out;
    }
    const cuts: { start: number; end: number }[] = [];
    for (const m of text.matchAll(COLOPHON)) {
      meta.id ??= m[1];
      cuts.push({ start: m.index, end: m.index + m[0].length });
    }
    for (const m of text.matchAll(FOOTER)) {
      let end = m.index + m[0].length;
      // The page number, glued or not to the next page's first word ("Aanhangsel 1De …", "Aanhangsel 2Vraag 4"):
      // up to two digits as they stand; in a longer run of digits ("Aanhangsel 22019 in het …") the expected number.
      const digits = /^\s*(\d+)/u.exec(text.slice(end));
      if (digits) {
        const run = digits[1];
        const number = run.length <= 2 ? run : run.startsWith(String(page)) ? String(page) : '';
        if (number) {
          end += digits[0].length - run.length + number.length;
          page = Number(number);
        }
      }
      page++;
      cuts.push({ start: m.index, end });
    }
    cuts.sort((a, b) => a.start - b.start);
    let from = 0;
    for (const cut of cuts) {
      // Overlapping cuts (the colophon's place is the footer's too): the later one goes on where the first ended.
      if (cut.end <= from) continue;
      const start = Math.max(cut.start, from);
      notes(text.slice(from, start), out);
      out.push({ text: text.slice(start, cut.end).trim(), furniture: true });
      from = cut.end;
    }
    notes(text.slice(from), out);
    return out;
  };
  return { split };
}
