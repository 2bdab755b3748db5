// Small text helpers shared by the adapters, the classifier and the views: whitespace, Dutch dates, who answered.

import type { Answerer } from './model';

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
  // Month names are ASCII (see header.ts DATE: no slow Unicode class)
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/u.exec(normalizeSpace(text));
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

/** "Minister Helder (Volksgezondheid, Welzijn en Sport)": who answered, as the header of an answer names them. */
export function answererText(a: Answerer): string {
  return [a.role, a.name].filter(Boolean).join(' ') + (a.ministry ? ` (${a.ministry})` : '');
}
