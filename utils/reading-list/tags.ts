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

/** One tag of an entry: its label as first written, when it was last added or removed, and whether it is removed. */
export interface TagMark {
  label: string;
  at: number;
  removed?: true;
}

/** Live tags per entry: adding more is refused. */
export const MAX_TAGS = 20;
/** Marks per entry, removed ones included: beyond this the oldest removal marks go (live tags never). */
export const MAX_TAG_MARKS = 40;
/**
 * Marks a valid entry may hold: more than MAX_TAG_MARKS only when several devices each added many tags at once (their
 * live tags are all kept); the bound keeps an entry within what a version without tags keeps of unknown fields.
 */
const MAX_STORED_MARKS = 100;
/** Characters (code points) of a tag */
export const MAX_TAG_CHARS = 40;

const BAD_CHAR = /[\p{Cc}\p{Cs};]/u;

/** A tag as typed, cleaned up (trimmed, whitespace collapsed, NFC), or null when it cannot be a tag. */
export function normaliseTag(text: string): string | null {
  if (typeof text !== 'string') return null;
  const label = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chars = [...label].length;
  if (chars < 1 || chars > MAX_TAG_CHARS || BAD_CHAR.test(label)) return null;
  return label;
}

/** What makes two tags the same: the label in lower case. */
export function tagKey(label: string): string {
  return label.toLowerCase();
}

/** The live tags' labels, in key order. */
export function liveTags(marks: readonly TagMark[] | undefined): string[] {
  return (marks ?? []).filter((m) => !m.removed).map((m) => m.label);
}

/** Why a stored, synced or imported value is not a list of tag marks, or null when it is one. */
export function tagsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length > MAX_STORED_MARKS) return 'tags';
  let last: string | null = null;
  for (const m of value) {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'tags';
    const r = m as Record<string, unknown>;
    if (Object.keys(r).some((k) => k !== 'label' && k !== 'at' && k !== 'removed')) return 'tags';
    if (typeof r.label !== 'string' || normaliseTag(r.label) !== r.label) return 'tags';
    if (typeof r.at !== 'number' || !Number.isFinite(r.at) || r.at < 0 || r.at >= 8.64e15) return 'tags';
    if ('removed' in r && r.removed !== true) return 'tags';
    const key = tagKey(r.label);
    // Sorted by key, each key once: one canonical form, so equal lists are equal data.
    if (last !== null && !(last < key)) return 'tags';
    last = key;
  }
  return null;
}

/** Which of two marks of the same tag wins: the later one; at the same time, the values decide (the same everywhere). */
function laterMark(a: TagMark, b: TagMark): TagMark {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  const ja = JSON.stringify([a.label, a.removed === true]);
  const jb = JSON.stringify([b.label, b.removed === true]);
  return ja >= jb ? a : b;
}

function byKey(marks: Iterable<TagMark>): TagMark[] {
  return [...marks].sort((a, b) => (tagKey(a.label) < tagKey(b.label) ? -1 : 1));
}

/** Removal marks beyond MAX_TAG_MARKS dropped, the oldest first (live tags are never dropped). */
function bounded(marks: TagMark[]): TagMark[] {
  const over = marks.length - MAX_TAG_MARKS;
  if (over <= 0) return marks;
  const drop = new Set(
    marks
      .filter((m) => m.removed)
      .sort((a, b) => a.at - b.at || (tagKey(a.label) < tagKey(b.label) ? -1 : 1))
      .slice(0, over),
  );
  return marks.filter((m) => !drop.has(m));
}

/** Two copies of an entry's tags merged tag by tag: the later mark of each tag wins. Commutative, idempotent. */
export function joinTags(a: readonly TagMark[] = [], b: readonly TagMark[] = []): TagMark[] {
  const out = new Map<string, TagMark>();
  for (const m of [...a, ...b]) {
    const k = tagKey(m.label);
    const had = out.get(k);
    out.set(k, had ? laterMark(had, m) : m);
  }
  return bounded(byKey(out.values()));
}

/**
 * The marks with `label` added (on) or removed (off) at time `at`, or null when nothing changes (already there, not
 * there) or when the entry has MAX_TAGS live tags already.
 */
export function markTag(
  marks: readonly TagMark[] = [],
  label: string,
  on: boolean,
  at: number,
): TagMark[] | null {
  const k = tagKey(label);
  const had = marks.find((m) => tagKey(m.label) === k);
  if (on) {
    if (had && !had.removed) return null;
    if (liveTags(marks).length >= MAX_TAGS) return null;
  } else if (!had || had.removed) return null;
  const mark: TagMark = on ? { label, at } : { label: (had as TagMark).label, at, removed: true };
  return bounded(byKey([...marks.filter((m) => m !== had), mark]));
}
