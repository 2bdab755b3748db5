// Small text helpers shared by the adapters and the classifier: whitespace, Dutch dates.

/**
 * Whitespace that normalising changes: a run that starts with anything but a plain space (\s covers no-break spaces
 * and form feeds; zero-width spaces are added by hand), or a plain space followed by more. A lone plain space, what
 * running text is mostly made of, is left alone: replacing every word gap with itself made this the costliest step.
 * Each alternative is one greedy loop over one class, so matching stays linear.
 */
const SPACE_RUN = /[^\S ][\s\u200b]*|\u200b[\s\u200b]*| [\s\u200b]+/g;

/**
 * Every whitespace character but the plain space, and the zero-width space: \s spelled out, because a single class
 * scans much faster than /[^\S ]|\u200b/ (a unit test checks it against \s for every character).
 */
const ODD_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Collapse all whitespace (incl. no-break spaces, form feeds, zero-width spaces) to single spaces and trim. */
export function normalizeSpace(text: string): string {
  // Most blocks have nothing to collapse: only single plain spaces. A class test and a substring search tell so in
  // about half the time of the replace, which stops at every space to look at the next character.
  if (!ODD_SPACE.test(text) && !text.includes('  ')) return text.trim();
  return text.replace(SPACE_RUN, ' ').trim();
}

const MONTHS: Record<string, number> = {
  januari: 1,
  februari: 2,
  maart: 3,
  april: 4,
  mei: 5,
  juni: 6,
  juli: 7,
  augustus: 8,
  september: 9,
  oktober: 10,
  november: 11,
  december: 12,
};

/** "16 februari 2024" → "2024-02-16"; null when it is not a valid Dutch date. */
export function dutchDateToIso(text: string): string | null {
  const m = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(normalizeSpace(text));
  if (!m) return null;
  const month = MONTHS[m[2].toLowerCase()];
  const day = Number(m[1]);
  if (!month || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2024-02-16" → "16 februari 2024", as the documents print dates (no Intl: its first use costs tens of ms). */
export function isoToDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = Object.keys(MONTHS)[m - 1];
  return month && d ? `${d} ${month} ${y}` : iso;
}

/** Words of a text, for comparisons that must ignore layout ("nothing lost" checks). */
export function words(text: string): string[] {
  const n = normalizeSpace(text);
  return n ? n.split(' ') : [];
}
