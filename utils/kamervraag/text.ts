// Small text helpers shared by the adapters, the classifier and the views: whitespace, Dutch dates.

/** Whitespace characters but the plain space (\s spelled out, plus the zero-width space) */
const ODD_SPACE_CLASS = String.raw`[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]`;
/**
 * Is there any whitespace but the plain space? One class, not /[^\S ]|\u200b/, because a single class scans much
 * faster (a unit test checks it against \s for every character).
 */
const ODD_SPACE = new RegExp(ODD_SPACE_CLASS);
const ODD_SPACE_RUN = new RegExp(`${ODD_SPACE_CLASS}+`, 'g');
/** Two plain spaces (as a regex: V8 finds this faster than includes('  ') does) */
const DOUBLE_SPACE = / {2}/;
/** Two or more plain spaces in a row */
const SPACE_RUN = / {2,}/g;

/** Collapse all whitespace (incl. no-break spaces, form feeds, zero-width spaces) to single spaces and trim. */
export function normalizeSpace(text: string): string {
  // Most blocks have nothing to collapse: only single plain spaces. Two quick tests tell so.
  if (!ODD_SPACE.test(text) && !DOUBLE_SPACE.test(text)) return text.trim();
  // Else in two passes, each searching for what it replaces: other whitespace becomes a space, then runs of spaces
  // one space. A single pattern for both would stop at every space of the running text to look at the next character.
  return text.replace(ODD_SPACE_RUN, ' ').replace(SPACE_RUN, ' ').trim();
}

/** The months as Dutch documents write them */
export const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;
const MONTH_NUMBER = new Map<string, number>(DUTCH_MONTHS.map((m, i) => [m, i + 1]));

/** "16 februari 2024" → "2024-02-16"; null when it is not a valid Dutch date. */
export function dutchDateToIso(text: string): string | null {
  // Month names are ASCII (see header.ts DATE: no slow Unicode class)
  const m = /^(\d{1,2})\s*([A-Za-z]+)\s*(\d{4})$/u.exec(normalizeSpace(text));
  if (!m) return null;
  const month = MONTH_NUMBER.get(m[2].toLowerCase());
  const day = Number(m[1]);
  if (!month || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Case and accents folded ("Financiën" → "financien"): how searches compare text. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of a text, for comparisons that must ignore layout ("nothing lost" checks). */
export function words(text: string): string[] {
  const n = normalizeSpace(text);
  return n ? n.split(' ') : [];
}
