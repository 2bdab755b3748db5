// Recognises question/answer headings ("Vraag 3, 4 en 5", "Antwoord op vraag 3", "Vragen 4 t/m 6") and their numbers.

export type Side = 'vraag' | 'antwoord' | 'mededeling';

export interface Heading {
  side: Side;
  /** Question numbers, ascending, unique; empty for an unnumbered heading */
  numbers: number[];
  label: string;
}

// Each number is separated by a word/sign or at least a space, so a run of digits can be read only one way
// (an optional separator between \d groups backtracks exponentially on long digit runs).
const NUMS = String.raw`\d+(?:\s*(?:,|&|\ben\b|t\/m|tot\s+en\s+met|[-–])\s*\d+|\s+\d+)*`;
const HEADING = new RegExp(
  String.raw`^(Vra(?:ag|gen)|Antwoord(?:en)?)(?:\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen))?(?:\s+(${NUMS}))?\s*[:.]?$`,
  'u',
);
const MEDEDELING = /^Mededeling\s*:?$/u;
/** A bare number as a label ("1" in <p class="nummer">1</p>) */
const BARE_NUMBERS = new RegExp(String.raw`^(${NUMS})\s*[:.]?$`, 'u');

/** Ranges longer than this are not real numbering; they are kept as text. */
const MAX_RANGE = 200;
const MAX_NUMBER = 99_999;
/** How every heading starts (HEADING, MEDEDELING, BARE_NUMBERS): a cheap test that rules out most running text. */
const HEADING_START = /^\s*(?:Vra|Antw|Mede|\d)/;
/** The longest label a heading can be, whitespace collapsed */
const MAX_LABEL = 80;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The value of a run of digits ("12" → 12); NaN when `text` is anything else. No regex: most labels are one number. */
function digitsValue(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return Number.NaN;
    n = n * 10 + (code - 48);
  }
  // Exact up to 2^53, far above MAX_NUMBER; an empty text is no number.
  return text ? n : Number.NaN;
}

/** "7, 8, 9 10 en 11" → [7,8,9,10,11]; "4 t/m 6" → [4,5,6]; absurd ranges are not expanded. */
export function parseNumbers(text: string): number[] {
  // Most headings carry one number ("Vraag 12"): no ranges to expand, no set to sort.
  const one = digitsValue(text);
  if (!Number.isNaN(one)) return one <= MAX_NUMBER ? [one] : [];
  const out = new Set<number>();
  const expanded = text.replace(
    /(\d+)\s*(?:t\/m|tot\s+en\s+met|[-–])\s*(\d+)/gu,
    (all, a: string, b: string) => {
      const from = Number(a);
      const to = Number(b);
      if (to >= from && to - from <= MAX_RANGE) {
        for (let n = from; n <= to; n++) out.add(n);
        return ' ';
      }
      return all;
    },
  );
  for (const m of expanded.matchAll(/\d+/g)) {
    const n = Number(m[0]);
    if (n <= MAX_NUMBER) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The heading a block's whole text is, or null. `hint` is the side the markup says the block belongs to: with a hint,
 * a bare number ("1") or a bare "Vraag" is a heading too.
 */
export function parseHeading(text: string, hint?: Side): Heading | null {
  // A heading is short: skip running text before doing any work on it.
  if (text.length > 240) return null;
  // Nor can it start with anything but a heading word or a digit: most blocks stop here, before their whitespace is
  // collapsed. (trim() and \s strip the same characters, so this looks at how the label starts.)
  if (!HEADING_START.test(text)) return null;
  const label = text.replace(/\s+/g, ' ').trim();
  if (label.length > MAX_LABEL) return null;
  return headingOfLabel(label, hint);
}

/**
 * parseHeading for a text whose whitespace is already collapsed (normalizeSpace: the classifier's blocks), which is
 * then its own label. It is called on every block, so it rejects by length and first character before any regex runs.
 */
export function parseNormalizedHeading(text: string, hint?: Side): Heading | null {
  if (text.length > MAX_LABEL || text.length === 0) return null;
  // The first characters HEADING_START allows: V(ra), A(ntw), M(ede) or a digit; the anchored patterns check the rest.
  const first = text[0];
  if (first !== 'V' && first !== 'A' && first !== 'M' && !isDigit(text.charCodeAt(0))) return null;
  return headingOfLabel(text, hint);
}

/** The heading a label (whitespace collapsed, trimmed) is, or null. */
function headingOfLabel(label: string, hint: Side | undefined): Heading | null {
  const m = HEADING.exec(label);
  if (m) {
    const side: Side = m[1].startsWith('Vra') ? 'vraag' : 'antwoord';
    return { side, numbers: m[2] ? parseNumbers(m[2]) : [], label };
  }
  if (MEDEDELING.test(label)) return { side: 'mededeling', numbers: [], label };
  if (hint && hint !== 'mededeling') {
    const bare = BARE_NUMBERS.exec(label);
    if (bare) return { side: hint, numbers: parseNumbers(bare[1]), label };
  }
  return null;
}

/** "Vraag 1 en 2", "Vraag 1, 2, 3 en 5": how a reader names a group of questions. */
export function pairLabel(numbers: number[]): string {
  if (numbers.length === 0) return 'Vraag';
  if (numbers.length === 1) return `Vraag ${numbers[0]}`;
  return `Vraag ${numbers.slice(0, -1).join(', ')} en ${numbers[numbers.length - 1]}`;
}
