// Finds references to other publications in running text: Aanhangsel numbers, Kamerstukken, kamervraagnummers.

import { aanhangselId, documentUrl, kamerstukId, vergaderjaarFrom } from '../site/ids';
import type { Chamber, Reference } from './model';

/**
 * "Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047", "Aanhangsel Handelingen II 2014/15, nr. 1241",
 * "Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76", "…, 2023–2024, 1028" (no "nr."),
 * "…, vergaderjaar 2022–203, nr. 844" (typo'd second year); lists ("nrs. 1059, 1060 en 1061", "nrs. 1059 t/m 1063");
 * and as extraction tools glue or split them: "AanhangselHandelingen,vergaderjaar2023–2024,nr.1047", "Aanhang- sel".
 * Group 3 is the list; each of its numbers is a reference (LIST_NUMBER).
 */
const AANHANGSEL =
  /Aanhang-?\s*sel\s*(?:van\s+de\s+)?Handelingen(?:\s*(II|I)\b)?\s*(?:,\s*)?(?:vergaderjaar\s*)?(\d{4})\s*[/–—-]\s*\d{2,4}(?:,\s*|\s+)(?:nrs?\.?\s*)?(\d{1,5}(?:\s*(?:,|en|&|t\/m|tot en met|[–-])\s*\d{1,5}(?!Z\d)(?=\s*[,;.)&\0\n–-]|\s*(?:en|t\/m|tot)\s|\s*$|\p{Lu}))*)(?!\d)/gu;
/** A number of a list, or a range "1059 t/m 1063" */
const LIST_NUMBER = /(\d+)(?:\s*(?:t\/m|tot en met|[–-])\s*(\d+))?/gu;

/** How a Kamerstuk is cited after its introduction: dossier (with a begroting chapter or letter), number. */
const KAMERSTUK_CITED = String.raw`,?\s+(\d{2}\s?\d{3}(?:[-\s][A-Z]{1,5})?),\s*nr\.?\s*(\d{1,4})(?!\d)`;
/**
 * "Kamerstuk 36 410, nr. 72", "Kamerstukken II 2014/15, 34 000, nr. 3", "Kamerstuk 36 200 IV, nr. 25" (a begroting
 * chapter), and the long form
 * "Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424".
 *
 * Two patterns rather than one alternation: a pattern that starts with a fixed word is searched by skipping ahead,
 * and the two together take about half the time of the alternation tried at every position. Their matches never
 * overlap (neither word fits inside the other's match), so together they find what the alternation found.
 */
const KAMERSTUK = [
  new RegExp(String.raw`Kamerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}\/\d{2})?${KAMERSTUK_CITED}`, 'gu'),
  new RegExp(String.raw`vergaderjaar\s+\d{4}[–-]\d{2,4}${KAMERSTUK_CITED}`, 'gu'),
];

/** Kamervraagnummer (zaak), e.g. 2024Z01234 */
const KAMERVRAAG = /(?<![\w])((?:19|20)\d{2}Z\d{5})(?!\d)/gu;

/** What every reference above contains: text without any of these holds none (most text; checked first). */
const MAY_REFER = /Aanhangsel|Kamerstuk|vergaderjaar|\dZ\d/u;

export interface FoundReference extends Reference {
  /** Offset of `text` in the searched string */
  index: number;
}

/** Every reference in `text`, in order of appearance. `chamber` is the page's own chamber, for unmarked Aanhangsels. */
export function findReferences(text: string, chamber: Chamber = 'tk'): FoundReference[] {
  const found: FoundReference[] = [];
  if (!MAY_REFER.test(text)) return found;
  for (const m of text.matchAll(AANHANGSEL)) {
    const ch: Chamber = m[1] === 'I' ? 'ek' : m[1] === 'II' ? 'tk' : chamber;
    const listAt = m.index + m[0].length - m[3].length;
    for (const n of m[3].matchAll(LIST_NUMBER)) {
      // The first number is linked with the whole citation, each further one on its own; a range's end too, and
      // the numbers between share its start's link (the linker takes the first of refs at one place).
      const first = n.index === 0;
      const start = first ? m.index : listAt + n.index;
      const from = Number(n[1]);
      const end = n[2] === undefined ? from : Number(n[2]);
      const to = end >= from && end - from <= 50 ? end : from;
      const startText = first ? m[0].slice(0, listAt - m.index + n.index + n[1].length) : n[1];
      for (let k = from; k <= to; k++) {
        const id = aanhangselId(ch, vergaderjaarFrom(m[2]), k);
        const last = k === to && k !== from;
        const text = last ? (n[2] as string) : startText;
        const index = last ? listAt + n.index + n[0].length - text.length : start;
        found.push({ type: 'aanhangsel', text, id, url: documentUrl(id), index });
      }
    }
  }
  for (const pattern of KAMERSTUK) {
    for (const m of text.matchAll(pattern)) {
      const id = kamerstukId(m[1], m[2]);
      found.push({ type: 'kamerstuk', text: m[0], id, url: documentUrl(id), index: m.index ?? 0 });
    }
  }
  for (const m of text.matchAll(KAMERVRAAG)) {
    const id = `kv-tk-${m[1]}`;
    found.push({ type: 'kamervraag', text: m[1], id, url: documentUrl(id), index: m.index ?? 0 });
  }
  // At one place the longer reference first: the linker links the first of those that start there.
  return found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
}
