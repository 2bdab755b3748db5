// One reading-list entry: its shape, how it is made from a parsed document (or a link), and strict validation (tags:
// leniently, ./tags.ts tagsProblem).
// Pure: no browser APIs, so the popup, the page, the background and import all share it.

import type { DocumentKind, KamervraagDocument, Pair } from '../kamervraag/model';
import { findKamervraagId, isKamervraagId, isSiteUrl, splitQuestion, withQuestion } from '../site/ids';
import { SCHEMA_VERSION } from '../storage';
import { joinTags, type TagMark, tagsProblem } from './tags';

const KINDS: readonly DocumentKind[] = ['antwoord', 'mededeling', 'vragen'];

/**
 * The fields of each group: fields change in groups, each with its own change time (`stamps`; how two copies merge is
 * ./merge.ts). A field not listed here (a newer version's) is its own group, named after it.
 */
export const GROUPS = {
  facts: [
    'url',
    'title',
    'kind',
    'askers',
    'answeredBy',
    'ministry',
    'dateSubmitted',
    'dateReceived',
    'pair',
    'partial',
  ],
  read: ['read', 'readAt'],
  note: ['note'],
} as const satisfies Record<string, readonly (keyof ReadingEntry)[]>;

export type Group = keyof typeof GROUPS;
export type Stamps = Record<Group, number> & Record<string, number>;

/** Fields that belong to no group: the entry's identity, its first save, and what is derived from the stamps. */
export const OWN_FIELDS = ['key', 'id', 'addedAt', 'updatedAt', 'stamps'] as const;

/**
 * Fields added after schema 2, each its own group with its own stamp, present only once used: a version without them
 * keeps and merges them as a newer version's fields (whole, on their stamp); this one merges them by their own rules
 * (./merge.ts). `tags`: the entry's tags, one mark per tag (./tags.ts).
 */
export const LATER_FIELDS = ['tags'] as const;

/** A single answer inside a document. */
export interface SavedPair {
  /** Question numbers of the pair, ascending ([5, 6] for "Vraag 5 en 6") */
  numbers: number[];
  /** "Vraag 5 en 6" */
  label: string;
  /** The first words of the question */
  firstWords: string;
}

export interface ReadingEntry {
  /** The entry's key: the document id, or `<id>#vraag-N` for a single answer */
  key: string;
  /** The document id (ah-tk-20232024-1481, kv-tk-2024Z01234, ...) */
  id: string;
  /** The page's URL, with the pair's anchor for a single answer */
  url: string;
  /** The subject, or the link text / id until the document has been opened */
  title: string;
  kind: DocumentKind | null;
  /** "Name (Party)" */
  askers: string[];
  /** "Minister Name" */
  answeredBy: string | null;
  ministry: string | null;
  /** ISO dates (yyyy-mm-dd) */
  dateSubmitted: string | null;
  dateReceived: string | null;
  pair: SavedPair | null;
  /** Epoch milliseconds */
  addedAt: number;
  updatedAt: number;
  read: boolean;
  readAt: number | null;
  note: string;
  /** Saved without the document (context menu, popup without reading view): completed when it is next opened */
  partial: boolean;
  /** Its tags, one mark per tag with its own change time, removed ones kept (./tags.ts); absent until tagged */
  tags?: TagMark[];
  /** When each group of fields last changed (./merge.ts): facts, read, note, tags (once tagged), a newer version's */
  stamps: Stamps;
}

/** Every group stamped `now`: a new entry. */
function stampsAt(now: number): Stamps {
  return { facts: now, read: now, note: now };
}

const LIMITS = {
  title: 1000,
  note: 4000,
  url: 2000,
  short: 300,
  askers: 50,
  numbers: 50,
} as const;

export function entryKey(id: string, pairNumber?: number): string {
  return pairNumber === undefined ? id : withQuestion(id, pairNumber);
}

/** The page URL without query and fragment (the document's own address). */
function pageUrlOf(url: string): string {
  return url.replace(/[?#].*$/, '');
}

export function firstWords(text: string, n = 12): string {
  // Only the start of a long text is split (a thousand-pair contents would split every question whole). When that
  // start holds more than n words, its first n are whole; else the whole text is split.
  const head = text.length > n * 40 ? text.slice(0, n * 40) : text;
  let words = head.split(/\s+/).filter(Boolean);
  if (words.length <= n && head !== text) words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? ' …' : '');
}

/** What an entry takes from its document */
export type DocumentFacts = Pick<
  KamervraagDocument,
  'id' | 'kind' | 'subject' | 'askers' | 'answeredBy' | 'dateSubmitted' | 'dateReceived'
>;

function docFields(doc: DocumentFacts) {
  const a = doc.answeredBy;
  return {
    kind: doc.kind,
    askers: doc.askers.map((p) => (p.party ? `${p.name} (${p.party})` : p.name)).slice(0, LIMITS.askers),
    answeredBy: a ? [a.role, a.name].filter(Boolean).join(' ') || null : null,
    ministry: a?.ministry ?? null,
    dateSubmitted: doc.dateSubmitted,
    dateReceived: doc.dateReceived,
  };
}

/** A new entry for a whole document or for one of its pairs, as shown on `pageUrl`. */
export function entryFromDocument(
  doc: KamervraagDocument & { id: string },
  pageUrl: string,
  pair: Pair | null,
  now: number,
): ReadingEntry {
  const base = pageUrlOf(pageUrl);
  const n = pair?.numbers[0];
  return {
    key: entryKey(doc.id, n),
    id: doc.id,
    url: n === undefined ? base : withQuestion(base, n),
    title: clip(doc.subject ?? doc.id, LIMITS.title),
    ...docFields(doc),
    pair: pair
      ? { numbers: [...pair.numbers], label: pair.label, firstWords: firstWords(pair.question) }
      : null,
    addedAt: now,
    updatedAt: now,
    read: false,
    readAt: null,
    note: '',
    partial: false,
    stamps: stampsAt(now),
  };
}

/** The fields the document knows, to complete an entry that was saved without it (keeps the user's own fields). */
export function completeEntry(entry: ReadingEntry, doc: DocumentFacts, now: number): ReadingEntry {
  return {
    ...entry,
    title: clip(doc.subject ?? entry.title, LIMITS.title),
    ...docFields(doc),
    partial: false,
    updatedAt: Math.max(entry.updatedAt, now),
    stamps: { ...entry.stamps, facts: Math.max(entry.stamps.facts + 1, now) },
  };
}

/** A partial entry from a link (context menu) or a page the reading view did not describe (popup, shortcut). */
export function entryFromLink(url: string, text: string | null, now: number): ReadingEntry | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const id = findKamervraagId(parsed.pathname);
  if (!id || !isSiteUrl(parsed.href)) return null;
  const title = (text ?? '').replace(/\s+/g, ' ').trim();
  return {
    key: id,
    id,
    url: pageUrlOf(parsed.href),
    title: clip(title || id, LIMITS.title),
    kind: null,
    askers: [],
    answeredBy: null,
    ministry: null,
    dateSubmitted: null,
    dateReceived: null,
    pair: null,
    addedAt: now,
    updatedAt: now,
    read: false,
    readAt: null,
    note: '',
    partial: true,
    stamps: stampsAt(now),
  };
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// ---- strict validation (storage reads and imports) ----

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isStr(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}
function isStrOrNull(v: unknown, max: number): v is string | null {
  return v === null || isStr(v, max);
}
function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 8.64e15;
}
/** An http(s) address on the site itself: an entry never points anywhere else (imports are checked too). */
const isEntryUrl = (v: unknown): v is string => isStr(v, LIMITS.url) && isSiteUrl(v);

/** This version's fields: the entry's own (identity, times) and those of its groups (./merge.ts). */
const FIELDS = new Set<string>([...OWN_FIELDS, ...Object.values(GROUPS).flat(), ...LATER_FIELDS]);

/** A newer version's own fields: kept and merged as they are, within these bounds. */
const OTHER_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const MAX_OTHER_FIELDS = 20;
/** Room for a newer version's fields in one entry, as JSON characters */
const MAX_OTHER_CHARS = 16_000;

/** Whether a record was written by a newer version that changed what the fields mean (keys.ts): never rewritten. */
export function isNewerRecord(value: unknown): boolean {
  const schema = (value as { schema?: unknown } | null)?.schema;
  return typeof schema === 'number' && schema > SCHEMA_VERSION;
}

/** Why a newer version's fields are not kept: plainly named JSON data within MAX_OTHER_CHARS, or null. */
function otherFieldsProblem(v: Record<string, unknown>): string | null {
  const other = Object.keys(v).filter((k) => !FIELDS.has(k));
  if (other.length > MAX_OTHER_FIELDS) return 'too many unknown fields';
  let chars = 0;
  for (const k of other) {
    if (!OTHER_FIELD.test(k)) return `unknown field "${k.slice(0, 40)}"`;
    let json: string | undefined;
    try {
      json = JSON.stringify(v[k]);
    } catch {
      json = undefined;
    }
    if (json === undefined || !sameData(v[k], JSON.parse(json))) return `unknown field "${k}": not JSON data`;
    chars += json.length;
  }
  return chars > MAX_OTHER_CHARS ? 'unknown fields too large' : null;
}

/**
 * Why a value is not a valid entry, or null when it is one. Fields of a newer version are allowed (and kept) when
 * they are plainly named JSON data within MAX_OTHER_CHARS.
 */
export function entryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  if (isNewerRecord(v)) return `written by a newer version (schema ${String(v.schema)})`;
  const other = otherFieldsProblem(v);
  if (other) return other;
  if (!isStr(v.id, LIMITS.short) || !isKamervraagId(v.id)) return 'id';
  if (!isStr(v.key, LIMITS.short)) return 'key';
  const m = splitQuestion(v.key);
  if (m.base !== v.id) return 'key';
  if (!isEntryUrl(v.url)) return 'url';
  if (!isStr(v.title, LIMITS.title)) return 'title';
  if (v.kind !== null && !KINDS.includes(v.kind as DocumentKind)) return 'kind';
  if (
    !Array.isArray(v.askers) ||
    v.askers.length > LIMITS.askers ||
    !v.askers.every((a) => isStr(a, LIMITS.short))
  )
    return 'askers';
  if (!isStrOrNull(v.answeredBy, LIMITS.short)) return 'answeredBy';
  if (!isStrOrNull(v.ministry, LIMITS.short)) return 'ministry';
  for (const d of ['dateSubmitted', 'dateReceived'] as const) {
    if (v[d] !== null && !(typeof v[d] === 'string' && ISO_DATE.test(v[d]))) return d;
  }
  if (m.n === undefined) {
    if (v.pair !== null) return 'pair';
  } else {
    const p = v.pair as Record<string, unknown> | null;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) return 'pair';
    if (Object.keys(p).some((k) => !['numbers', 'label', 'firstWords'].includes(k))) return 'pair';
    if (
      !Array.isArray(p.numbers) ||
      p.numbers.length === 0 ||
      p.numbers.length > LIMITS.numbers ||
      !p.numbers.every((n) => Number.isInteger(n) && n > 0 && n < 10000) ||
      p.numbers[0] !== m.n
    )
      return 'pair';
    if (!isStr(p.label, LIMITS.short) || !isStr(p.firstWords, LIMITS.title)) return 'pair';
  }
  if (!isTime(v.addedAt) || !isTime(v.updatedAt)) return 'addedAt';
  if (typeof v.read !== 'boolean') return 'read';
  if (v.readAt !== null && !isTime(v.readAt)) return 'readAt';
  if (!isStr(v.note, LIMITS.note)) return 'note';
  if (typeof v.partial !== 'boolean') return 'partial';
  const st = v.stamps as Record<string, unknown> | null;
  if (typeof st !== 'object' || st === null || Array.isArray(st)) return 'stamps';
  if (!['facts', 'read', 'note'].every((g) => g in st)) return 'stamps';
  if (Object.keys(st).length > 3 + LATER_FIELDS.length + MAX_OTHER_FIELDS || !Object.values(st).every(isTime))
    return 'stamps';
  if ('tags' in v && (tagsProblem(v.tags) || !('tags' in st))) return 'tags';
  return null;
}

/**
 * Whether two values are the same data, whatever the order of their fields: primitives equal, objects of the same
 * kind (plain object, array) with the same fields, all the way down. (A value is JSON data when it is the same data as
 * its JSON text read back: a Date, a Map, NaN or an undefined field is not.)
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  if (ka.length !== Object.keys(rb).length) return false;
  return ka.every((k) => k in rb && sameData((a as Record<string, unknown>)[k], rb[k]));
}

/**
 * A stored, synced or imported value as an entry of this version, or null when it is not one. An entry of the first
 * version (no stamps) reads as changed, in every group, when it last changed.
 */
export function readEntry(value: unknown, key?: string): ReadingEntry | null {
  const v = upgradeEntry(value);
  return isEntry(v) && (key === undefined || v.key === key) ? withTagsJoined(v) : null;
}

/**
 * The entry with its tags in their canonical form (./tags.ts joinTags: sorted by key, one mark per tag, the removal
 * marks bounded), as every merge writes them: a list another version or engine wrote in another order, or with a tag
 * twice, reads as this one would have written it.
 */
function withTagsJoined(e: ReadingEntry): ReadingEntry {
  if (!e.tags) return e;
  const tags = joinTags(e.tags);
  return sameData(tags, e.tags) ? e : { ...e, tags };
}

/** A version-1 entry given its stamps (the migration to version 2); anything else unchanged. */
export function upgradeEntry(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'stamps' in value) return value;
  const u = (value as { updatedAt?: unknown }).updatedAt;
  return isTime(u) ? { ...value, stamps: stampsAt(u) } : value;
}

export function isEntry(value: unknown): value is ReadingEntry {
  return entryProblem(value) === null;
}

/** A partial entry for a page whose content script told what it is (popup, shortcut without the reading view). */
export function entryFromStatus(
  status: { id: string; kind: DocumentKind; subject: string | null },
  pageUrl: string,
  now: number,
): ReadingEntry | null {
  const entry = entryFromLink(pageUrl, status.subject, now);
  if (!entry || !isKamervraagId(status.id)) return null;
  return { ...entry, key: status.id, id: status.id, kind: status.kind };
}
