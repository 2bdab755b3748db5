// Tags on reading-list entries: what a tag is, how the tags of one entry are stored, and how two copies of them merge.
// Pure: no browser APIs.
//
// A tag is a short label: trimmed, inner whitespace as one space, 1–40 characters, no control characters and no ";"
// (the CSV export's separator). Two tags are the same when they are the same case-insensitively ("Zorg" = "zorg"):
// the label stays as it was first written.
//
// Stored per tag, not as one list: each tag has its own change time and a removal is kept as a mark (`removed`), so
// two devices that each add a tag keep both, and a removal beats only an add made before it (./merge.ts joins them
// tag by tag). The entry's `tags` is this list of marks, sorted by key; `stamps.tags` is the group's change time
// (at least the latest mark's), which a version without tags uses to merge the field as a whole and keep it.
//
// Read leniently, written canonically: a stored, synced or imported list is valid when each mark is well-formed (a
// label string, a time, `removed` a boolean if there; a newer version's own fields on a mark are kept with it), in
// any order, a tag even twice; reading it joins it (joinTags), which sorts it, keeps one mark per tag and bounds the
// removal marks. Only the marks this version writes are held to what a tag is (normaliseTag), so an entry never
// becomes invalid because another version or engine (another Unicode version's lower case) wrote or sorted it.

/** One tag of an entry: its label as first written, when it was last added or removed, and whether it is removed. */
export interface TagMark {
  label: string;
  at: number;
  removed?: boolean;
}

/** Live tags per entry that one device may give it: adding more is refused (merges of several devices' may hold more). */
export const MAX_TAGS = 20;
/**
 * Removal marks kept per entry: the newest, by time (then key). Live tags are never dropped, however many several
 * devices' merged tags are, nor the removal just made.
 */
export const MAX_REMOVED_MARKS = 40;
/**
 * Marks a valid entry may hold: room for the live tags of 48 devices that each added 20 different ones to the same
 * entry before seeing each other's, plus MAX_REMOVED_MARKS. A bound against damaged or hostile data only: a merge
 * whose result would exceed it is refused for that entry alone, both copies kept (./apply.ts).
 */
export const MAX_STORED_MARKS = 1000;
/** Characters (code points) of a tag */
export const MAX_TAG_CHARS = 40;
/** UTF-16 units of a stored label (a newer version's, not normalised): room for 40 code points and more. */
const MAX_LABEL_UNITS = 200;
/** JSON characters of a newer version's own fields on one mark */
const MAX_MARK_EXTRA_CHARS = 1000;

const BAD_CHAR = /[\p{Cc}\p{Cs};]/u;
const MARK_FIELDS = new Set(['label', 'at', 'removed']);

/** Trimmed, whitespace collapsed, NFC: how a tag is written and compared. */
const cleaned = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A tag as typed, cleaned up, or null when it cannot be a tag. */
export function normaliseTag(text: string): string | null {
  if (typeof text !== 'string') return null;
  const label = cleaned(text);
  const chars = [...label].length;
  if (chars < 1 || chars > MAX_TAG_CHARS || BAD_CHAR.test(label)) return null;
  return label;
}

/**
 * What makes two tags the same: the label cleaned up as a typed one is (NFC, whitespace) and in lower case. (The
 * same as the lower-cased label for every label this version writes.)
 */
export function tagKey(label: string): string {
  return cleaned(label).toLowerCase();
}

/** The live tags' labels, in key order. */
export function liveTags(marks: readonly TagMark[] | undefined): string[] {
  return (marks ?? []).filter((m) => !m.removed).map((m) => m.label);
}

/** Whether a value is JSON data (what JSON.stringify writes and JSON.parse reads back the same). */
function isJsonData(v: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonData(x, depth + 1));
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).every((x) => isJsonData(x, depth + 1));
}

/** Why a value is not one tag mark (as stored, synced or imported), or null when it is one. */
function markProblem(m: unknown): string | null {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'tags';
  const r = m as Record<string, unknown>;
  if (typeof r.label !== 'string' || r.label.length > MAX_LABEL_UNITS || tagKey(r.label) === '')
    return 'tags';
  if (typeof r.at !== 'number' || !Number.isFinite(r.at) || r.at < 0 || r.at >= 8.64e15) return 'tags';
  if ('removed' in r && typeof r.removed !== 'boolean') return 'tags';
  const extra = Object.keys(r).filter((k) => !MARK_FIELDS.has(k));
  if (extra.length) {
    const fields = Object.fromEntries(extra.map((k) => [k, r[k]]));
    if (!isJsonData(fields) || JSON.stringify(fields).length > MAX_MARK_EXTRA_CHARS) return 'tags';
  }
  return null;
}

/**
 * Why a stored, synced or imported value is not a list of tag marks, or null when it is one. Any order, a tag even
 * twice, a newer version's fields on a mark: reading joins them (joinTags). Refused: what is not a mark at all, and
 * more than MAX_STORED_MARKS marks.
 */
export function tagsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length > MAX_STORED_MARKS) return 'tags';
  for (const m of value) if (markProblem(m)) return 'tags';
  return null;
}

/** A value's JSON text with the fields of every object in key order: the same text for the same data. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v).sort();
    const r = v as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(r[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Which of two marks of the same tag wins: the later one; at the same time, the values decide (the same everywhere):
 * the label and whether removed, then the whole mark (a newer version's fields on it).
 */
function laterMark(a: TagMark, b: TagMark): TagMark {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  const ja = JSON.stringify([a.label, a.removed === true]);
  const jb = JSON.stringify([b.label, b.removed === true]);
  if (ja !== jb) return ja > jb ? a : b;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function byKey(marks: Iterable<TagMark>): TagMark[] {
  return [...marks]
    .map((m) => ({ m, k: tagKey(m.label) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ m }) => m);
}

/**
 * The removal marks beyond MAX_REMOVED_MARKS dropped: the oldest (then by key), except `keep` (the mark just written).
 * Live tags are never dropped. A function of the set of marks only, so the join stays commutative and idempotent.
 */
function bounded(marks: TagMark[], keep?: TagMark): TagMark[] {
  const removed = marks.filter((m) => m.removed && m !== keep);
  const room = MAX_REMOVED_MARKS - (keep?.removed ? 1 : 0);
  if (removed.length <= room) return marks;
  const keyed = removed.map((m) => ({ m, k: tagKey(m.label) }));
  keyed.sort((a, b) => b.m.at - a.m.at || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const drop = new Set(keyed.slice(room).map(({ m }) => m));
  return marks.filter((m) => !drop.has(m));
}

/**
 * Copies of an entry's tags merged tag by tag: the later mark of each tag wins; sorted by key, one mark per tag, at
 * most MAX_REMOVED_MARKS removal marks (the newest). One copy alone: its canonical form (what reading it gives).
 * Commutative and idempotent; associative while the removal marks stay within MAX_REMOVED_MARKS (beyond it an old
 * removal mark dropped in one order of merging may meet, in another, an older add it would have beaten).
 */
export function joinTags(...copies: (readonly TagMark[] | undefined)[]): TagMark[] {
  const out = new Map<string, TagMark>();
  for (const copy of copies)
    for (const m of copy ?? []) {
      const k = tagKey(m.label);
      const had = out.get(k);
      out.set(k, had ? laterMark(had, m) : m);
    }
  return bounded(byKey(out.values()));
}

/** A newer version's own fields of a mark (kept when this version writes a later mark of the same tag). */
function extraOf(m: TagMark | undefined): Record<string, unknown> {
  if (!m) return {};
  return Object.fromEntries(Object.entries(m).filter(([k]) => !MARK_FIELDS.has(k)));
}

/**
 * The marks with `label` added (on) or removed (off) at time `at` (later than every mark: ./merge.ts tagIn), or null
 * when nothing changes (already there, not there) or when the entry has MAX_TAGS live tags or more already. The mark
 * written is kept whatever the bound on removal marks drops.
 */
export function markTag(
  marks: readonly TagMark[] = [],
  label: string,
  on: boolean,
  at: number,
): TagMark[] | null {
  const all = joinTags(marks);
  const k = tagKey(label);
  const had = all.find((m) => tagKey(m.label) === k);
  if (on) {
    if (had && !had.removed) return null;
    if (liveTags(all).length >= MAX_TAGS) return null;
  } else if (!had || had.removed) return null;
  const mark: TagMark = on
    ? { ...extraOf(had), label, at }
    : { ...extraOf(had), label: (had as TagMark).label, at, removed: true };
  return bounded(byKey([...all.filter((m) => m !== had), mark]), mark);
}
