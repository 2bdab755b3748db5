// Filtering and sorting the list (pure). The search text of each entry is computed once, so a keystroke over
// thousands of entries is one `includes` per entry.

import { fold } from '../kamervraag/text';
import type { ReadingEntry } from './entry';
import { liveTags, tagKey } from './tags';

export type ReadFilter = 'all' | 'unread' | 'read';
export type SortBy = 'added' | 'answered';

export interface Indexed {
  entry: ReadingEntry;
  haystack: string;
}

/** Title, askers, ministry (and who answered), note, tags and id. */
export function indexEntry(entry: ReadingEntry): Indexed {
  const parts = [
    entry.title,
    entry.askers.join(' '),
    entry.answeredBy ?? '',
    entry.ministry ?? '',
    entry.note,
    liveTags(entry.tags).join('\n'),
    entry.key,
  ];
  return { entry, haystack: fold(parts.join('\n')) };
}

export function compare(by: SortBy): (a: ReadingEntry, b: ReadingEntry) => number {
  if (by === 'answered') {
    // Newest answer first; entries without an answer date after those with one, newest added first.
    return (a, b) => {
      const da = a.dateReceived ?? '';
      const db = b.dateReceived ?? '';
      if (da !== db) return da < db ? 1 : -1;
      return b.addedAt - a.addedAt;
    };
  }
  return (a, b) => b.addedAt - a.addedAt || (a.key < b.key ? -1 : 1);
}

/** The entries to show: every word of `text` must occur; read filter; tag filter (null: any); sorted. */
export function query(
  items: Indexed[],
  opts: { text: string; read: ReadFilter; sort: SortBy; tag?: string | null },
): ReadingEntry[] {
  return filterIndexed(sortIndexed(items, opts.sort), opts.text, opts.read, opts.tag ?? null);
}

/** Whether an entry has this tag (compared as tags are: case-insensitively). */
export function hasTag(entry: ReadingEntry, tag: string): boolean {
  const k = tagKey(tag);
  return entry.tags?.some((m) => !m.removed && tagKey(m.label) === k) ?? false;
}

/**
 * Every live tag of the entries, once, as it was first written (the earliest added of its writings), sorted as the
 * reader reads them.
 */
export function allTags(entries: Iterable<ReadingEntry>): string[] {
  const out = new Map<string, { label: string; at: number }>();
  for (const e of entries)
    for (const m of e.tags ?? []) {
      if (m.removed) continue;
      const had = out.get(tagKey(m.label));
      if (!had || m.at < had.at || (m.at === had.at && m.label < had.label)) out.set(tagKey(m.label), m);
    }
  return [...out.values()]
    .map((m) => m.label)
    .sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' }));
}

/** The entries of `sorted` that match, in their order (one `includes` per word and entry); `tag`: only those with it. */
export function filterIndexed(
  sorted: Indexed[],
  text: string,
  read: ReadFilter,
  tag: string | null = null,
): ReadingEntry[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  const out: ReadingEntry[] = [];
  for (const it of sorted) {
    if (read === 'unread' && it.entry.read) continue;
    if (read === 'read' && !it.entry.read) continue;
    if (tag !== null && !hasTag(it.entry, tag)) continue;
    if (words.length && !words.every((w) => it.haystack.includes(w))) continue;
    out.push(it.entry);
  }
  return out;
}

/**
 * The entries that match `text` in their own fields (title, askers, ministry, note, tags, id), in `sorted` order, then
 * those that match only in their document's saved copy (`hits`: document id → search score), best first.
 */
export function filterWithCopies(
  sorted: Indexed[],
  text: string,
  read: ReadFilter,
  hits: ReadonlyMap<string, number>,
  tag: string | null = null,
): ReadingEntry[] {
  const own = filterIndexed(sorted, text, read, tag);
  if (hits.size === 0) return own;
  const mine = new Set(own);
  const more = filterIndexed(sorted, '', read, tag).filter((e) => !mine.has(e) && hits.has(e.id));
  // A stable sort: entries of the same document (and equal scores) stay in `sorted` order.
  more.sort((a, b) => (hits.get(b.id) ?? 0) - (hits.get(a.id) ?? 0));
  return own.concat(more);
}

/** A sorted copy (the popup sorts once per sort change and filters per keystroke). */
export function sortIndexed(items: Indexed[], by: SortBy): Indexed[] {
  const cmp = compare(by);
  return [...items].sort((a, b) => cmp(a.entry, b.entry));
}

export function unreadCount(entries: ReadingEntry[]): number {
  let n = 0;
  for (const e of entries) if (!e.read) n++;
  return n;
}
