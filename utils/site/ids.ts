// Identifiers and URLs of officielebekendmakingen.nl publications: the one place that knows their shapes.

import type { Chamber, DocumentKind } from '../kamervraag/model';
import { SITE_HOSTS, SITE_ORIGIN } from './hosts';

export { SITE_HOSTS, SITE_ORIGIN };

/** ah-tk-20232024-1064, ah-ek-20232024-12, ah-tk-20142015-1669-n1 (a vergaderjaar's Aanhangsel or kv number) */
const YEAR_ID = String.raw`(?:ah|kv)-(?:tk|ek)-\d{8}-\d+(?:-[nh]\d+)?`;
/** …and kv-tk-2024Z01234, kv-1234, ah-1271549 */
const ID_SOURCE = String.raw`(?:${YEAR_ID}|kv-(?:tk|ek)-(?:19|20)\d{2}Z\d{5}|ah-\d{6,}|kv-\d{3,})`;

/** A line that is only an id of the vergaderjaar form, as a PDF prints it in its running footer */
export const PRINTED_ID_LINE = /* @__PURE__ */ new RegExp(`^(${YEAR_ID})$`, 'u');
const ID_ANYWHERE = new RegExp(String.raw`(?:^|[^\w-])(${ID_SOURCE})(?![\w-])`);
const ID_EXACT = new RegExp(`^${ID_SOURCE}$`);

export function isKamervraagId(id: string): boolean {
  return ID_EXACT.test(id);
}

/** The first Kamervragen identifier in a URL path or a text. */
export function findKamervraagId(text: string): string | null {
  const m = ID_ANYWHERE.exec(text);
  return m ? m[1] : null;
}

/** The Kamerstuk id a link to the site ends in: …/kst-36410-72.html → kst-36410-72 */
export function findKamerstukId(href: string): string | null {
  return /\b(kst-[\w-]+?)(?:\.html)?$/u.exec(href)?.[1] ?? null;
}

export function documentUrl(id: string): string {
  return documentUrlAt(SITE_ORIGIN, id);
}

/** The document's page on the site at `origin` (the page's own: www. or zoek., or a test server's). */
export function documentUrlAt(origin: string, id: string): string {
  return `${origin}/${id}.html`;
}

/** The PDF of document `id` on the site at `origin`: every document is also published as a PDF, some only so. */
export function documentPdfUrlAt(origin: string, id: string): string {
  return `${origin}/${id}.pdf`;
}

/** Documents published only as a PDF: the unstructured ids `ah-1271549` (their page on the site has no text to read). */
export function isPdfOnlyId(id: string): boolean {
  return /^ah-\d{6,}$/.test(id);
}

/**
 * A PDF on the site: the address as it is to be fetched (https, one of the site's hosts, no user or port, a path
 * ending in `.pdf`; without its fragment), else null. Anything else is refused: the PDF page reads only the site.
 */
export function sitePdfUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !isSiteHost(u.hostname) || u.username || u.password || u.port) return null;
  if (!/\.pdf$/i.test(u.pathname)) return null;
  return `${u.origin}${u.pathname}${u.search}`;
}

/** A link to question `n` in document `id`: the reading view opens the pair that holds it (`#vraag-N`). */
export function questionUrlAt(origin: string, id: string, n: number): string {
  return withQuestion(documentUrlAt(origin, id), n);
}

/** The element id of question N's place in the view, `vraag-3`: what a deep link's hash names. */
export const questionAnchor = (n: number) => `vraag-${n}`;

/** A document id or URL with question N: `ah-tk-20232024-1064#vraag-3` (a single answer's key, a deep link). */
export const withQuestion = (base: string, n: number) => `${base}#${questionAnchor(n)}`;

const QUESTION_HASH = /^#vraag-(\d+)$/;
const WITH_QUESTION = /^(.+?)(?:#vraag-(\d{1,4}))?$/;

/** The question number of a `#vraag-N` hash, null for any other hash. */
export function questionOfHash(hash: string): number | null {
  const m = QUESTION_HASH.exec(hash);
  return m ? Number(m[1]) : null;
}

/** `<base>#vraag-N` → its base and N; anything else (a base alone, an empty or multi-line text) → itself, no N. */
export function splitQuestion(key: string): { base: string; n: number | undefined } {
  const m = WITH_QUESTION.exec(key);
  return m?.[2] === undefined ? { base: key, n: undefined } : { base: m[1], n: Number(m[2]) };
}

export function isSiteHost(hostname: string): boolean {
  return (SITE_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** A URL of a page of the site (entries saved before the site was https only may say http:). */
export function isSiteUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && isSiteHost(u.hostname);
  } catch {
    return false;
  }
}

export interface IdParts {
  chamber: Chamber | null;
  vergaderjaar: string | null;
  aanhangselnummer: number | null;
  kind: DocumentKind | null;
}

/** What the identifier itself tells: chamber, vergaderjaar and number for ah-ids, kind for kv-ids. */
export function idParts(id: string): IdParts {
  const ah = /^ah-(tk|ek)-(\d{4})(\d{4})-(\d+)/.exec(id);
  if (ah) {
    return {
      chamber: ah[1] as Chamber,
      vergaderjaar: `${ah[2]}-${ah[3]}`,
      aanhangselnummer: Number(ah[4]),
      kind: null,
    };
  }
  const kv = /^kv-(tk|ek)-/.exec(id);
  if (kv) return { chamber: kv[1] as Chamber, vergaderjaar: null, aanhangselnummer: null, kind: 'vragen' };
  if (id.startsWith('kv-'))
    return { chamber: null, vergaderjaar: null, aanhangselnummer: null, kind: 'vragen' };
  return { chamber: null, vergaderjaar: null, aanhangselnummer: null, kind: null };
}

/**
 * The vergaderjaar "2023-2024" from printed years, tolerating "2023–24", "2023/24" and typos like "2022–203":
 * a vergaderjaar always spans two consecutive years, so the second year is derived from the first.
 */
export function vergaderjaarFrom(firstYear: string): string {
  const y = Number(firstYear);
  return `${y}-${y + 1}`;
}

export function aanhangselId(chamber: Chamber, vergaderjaar: string, nummer: number): string {
  return `ah-${chamber}-${vergaderjaar.replace('-', '')}-${nummer}`;
}

/** Kamerstuk "36 410, nr. 72" → kst-36410-72; "35 925-A, nr. 68" → kst-35925-A-68; "36 200 IV, nr. 25" → kst-36200-IV-25 */
export function kamerstukId(dossier: string, nummer: string): string {
  const m = /^(\d{2})\s?(\d{3})(?:[-\s]([A-Z]+))?$/u.exec(dossier.trim());
  const base = m ? `${m[1]}${m[2]}${m[3] ? `-${m[3]}` : ''}` : dossier.replace(/\s+/g, '');
  return `kst-${base}-${nummer}`;
}

/**
 * Ids in the order they were published: by vergaderjaar, then Aanhangsel number (a set can cross into the next
 * vergaderjaar), anything else after them.
 */
export function inOrder(ids: readonly string[]): string[] {
  const year = (id: string) => idParts(id).vergaderjaar ?? '9999';
  const n = (id: string) => idParts(id).aanhangselnummer ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(ids)].sort(
    (a, b) => year(a).localeCompare(year(b)) || n(a) - n(b) || a.localeCompare(b),
  );
}
