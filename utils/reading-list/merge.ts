// How the reading list changes, as pure rules on one entry: the operations a user makes on one device, and the merge
// of two copies of an entry (another device's via storage.sync, an import). Pure: no browser APIs; store.ts applies
// these rules to what is stored, in the entry's queue, and the unit tests check them as properties over simulated
// devices (test/unit/list-merge.test.ts).
//
// Every entry carries, per group of fields, when that group was last changed (`stamps`, epoch milliseconds taken as a
// hybrid clock: an edit is stamped with the later of the wall clock and one past the stamp it changes, so an edit
// made after seeing another device's always wins over it, even when that device's clock runs ahead). Two copies
// merge group by group: the later stamp wins (a complete entry's document facts over a partial one's), ties are
// broken on the values, so every device ends with the same entry whatever the order in which copies meet. A removal
// is a tombstone with its own time, kept (a later save or undo is simply later than it): an entry is gone while no
// group of it changed after its removal.
// Fields this version does not know (written by a newer one) are merged the same way, each on its own stamp, and kept.
// Tags are a group of their own (`stamps.tags`) merged tag by tag (./tags.ts): two devices that each add a tag keep
// both; a removal beats only an add made before it. Like a newer version's fields (which is what they are to version
// 2), they go with a removal of the entry that they did not change after, so both versions keep the same entry.

import { GROUPS, type Group, OWN_FIELDS, type ReadingEntry, type Stamps, sameData } from './entry';
import { joinTags, markTag, normaliseTag, type TagMark, tagKey } from './tags';

export type { Group, Stamps };

const OWN = new Set<string>(OWN_FIELDS);
const GROUPED = new Map<string, Group>(
  (Object.keys(GROUPS) as Group[]).flatMap((g) => GROUPS[g].map((f) => [f, g] as const)),
);

/** One state of an entry's key on a device: the entry (or none) and when it was last removed (or never). */
export interface Slot {
  entry: ReadingEntry | null;
  gone: number | null;
}

/** The entry's groups: the known three, and one per field or stamp of a newer version. */
function groupsOf(e: ReadingEntry): string[] {
  const out = new Set<string>(Object.keys(GROUPS));
  for (const k of Object.keys(e)) if (!OWN.has(k) && !GROUPED.has(k)) out.add(k);
  for (const k of Object.keys(e.stamps)) out.add(k);
  return [...out];
}

function fieldsOf(group: string): readonly string[] {
  return group in GROUPS ? GROUPS[group as Group] : [group];
}

function stampOf(e: ReadingEntry, group: string): number {
  return e.stamps[group] ?? -1;
}

/** The latest change of an entry. */
export function lastChange(e: ReadingEntry): number {
  let t = -1;
  for (const v of Object.values(e.stamps)) if (v > t) t = v;
  return t;
}

/** Which copy's group wins: > 0 for `a`. A total order, so the merge is the same in every order. */
function compareGroup(a: ReadingEntry, b: ReadingEntry, group: string): number {
  // A complete entry's document facts beat a partial one's (saved from a link), whatever their times.
  if (group === 'facts' && a.partial !== b.partial) return a.partial ? -1 : 1;
  const d = stampOf(a, group) - stampOf(b, group);
  if (d !== 0) return d;
  // The same time: usually the same values (an unchanged group); else the values decide, the same way everywhere.
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  if (fieldsOf(group).every((f) => sameData(ra[f], rb[f]))) return 0;
  const va = JSON.stringify(fieldsOf(group).map((f) => ra[f]));
  const vb = JSON.stringify(fieldsOf(group).map((f) => rb[f]));
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/**
 * The time of merged tags: the latest of their marks' and of the copies' stamps, and later than the stamp of a copy
 * whose tags differ from the merged ones. A version without tags keeps the group whole, the later stamp winning and,
 * at the same stamp, the larger JSON text (which is a shorter list's when it is the start of a longer one): a merge
 * stamped like one of its copies but holding more than it could lose to that copy there. Once the copies' tags are the
 * same, their stamps merge as the later one, so every device ends with the same. Commutative and idempotent.
 */
function tagsStamp(tags: TagMark[], ...copies: ReadingEntry[]): number {
  let t = -1;
  for (const m of tags) if (m.at > t) t = m.at;
  for (const e of copies) {
    const s = stampOf(e, 'tags');
    if (s < 0) continue;
    const same = sameData(e.tags ? joinTags(e.tags) : [], tags);
    t = Math.max(t, same ? s : s + 1);
  }
  return t;
}

/**
 * Two copies of one entry (same key) merged group by group. Commutative, idempotent; associative but for the tags'
 * stamp (./tags.ts joinTags; tagsStamp: a merge of copies each holding part of the tags is stamped one past them, a
 * copy that already held them all is not), which the next exchange makes the same everywhere.
 */
function mergeEntry(a: ReadingEntry, b: ReadingEntry): ReadingEntry {
  const out: Record<string, unknown> = {
    key: a.key,
    id: a.id,
    addedAt: Math.min(a.addedAt, b.addedAt),
  };
  const stamps: Record<string, number> = {};
  for (const g of new Set([...groupsOf(a), ...groupsOf(b)])) {
    if (g === 'tags') {
      const tags = joinTags(a.tags, b.tags);
      if (a.tags || b.tags) out.tags = tags;
      stamps.tags = tagsStamp(tags, a, b);
      if (stamps.tags < 0) delete stamps.tags;
      continue;
    }
    const w = compareGroup(a, b, g) >= 0 ? a : b;
    const src = w as unknown as Record<string, unknown>;
    for (const f of fieldsOf(g)) if (f in src) out[f] = src[f];
    if (g in w.stamps) stamps[g] = w.stamps[g];
  }
  out.stamps = stamps;
  out.updatedAt = Math.max(a.updatedAt, b.updatedAt);
  return out as unknown as ReadingEntry;
}

/**
 * Two states of one key merged: the later removal is kept; the entry stays only if it changed after it, without
 * a newer version's fields that were not changed after it (they went with the removal).
 */
export function mergeSlot(a: Slot, b: Slot): Slot {
  const gone = a.gone === null ? b.gone : b.gone === null ? a.gone : Math.max(a.gone, b.gone);
  const entry = a.entry && b.entry ? mergeEntry(a.entry, b.entry) : (a.entry ?? b.entry);
  if (!entry || gone === null) return { entry, gone };
  if (lastChange(entry) <= gone) return { entry: null, gone };
  return { entry: withoutOtherBefore(entry, gone), gone };
}

/** The entry without the fields of a newer version last changed at or before `t`. */
function withoutOtherBefore(e: ReadingEntry, t: number): ReadingEntry {
  const drop = groupsOf(e).filter((g) => !(g in GROUPS) && stampOf(e, g) <= t);
  if (!drop.length) return e;
  const out: Record<string, unknown> = { ...e, stamps: { ...e.stamps } };
  for (const g of drop) {
    delete out[g];
    delete (out.stamps as Record<string, number>)[g];
  }
  return out as unknown as ReadingEntry;
}

/** A time for a change made now that is later than every stamp given (the hybrid clock). */
export function tick(now: number, ...after: (number | null | undefined)[]): number {
  let t = now;
  for (const a of after) if (a !== null && a !== undefined && a + 1 > t) t = a + 1;
  return t;
}

function stamped(e: ReadingEntry, changes: Partial<ReadingEntry>, group: Group, now: number): ReadingEntry {
  const t = tick(now, e.stamps[group]);
  const stamps = { ...e.stamps, [group]: t };
  return { ...e, ...changes, stamps, updatedAt: Math.max(e.updatedAt, t) };
}

/** Every group of `e` stamped `t` (a new save, an undo). */
function allAt(e: ReadingEntry, t: number): ReadingEntry {
  const stamps: Record<string, number> = {};
  for (const g of groupsOf(e)) stamps[g] = t;
  return { ...e, stamps: stamps as Stamps, updatedAt: t };
}

/** A save. Saving again changes nothing, except that a complete save fills in a partial entry's document facts. */
export function addTo(slot: Slot, entry: ReadingEntry, now: number): Slot {
  const old = slot.entry;
  if (!old) return { entry: allAt(entry, tick(now, slot.gone)), gone: slot.gone };
  if (old.partial && !entry.partial) {
    const facts = Object.fromEntries(GROUPS.facts.map((f) => [f, entry[f]]));
    return { ...slot, entry: stamped(old, facts, 'facts', now) };
  }
  return slot;
}

export function readIn(slot: Slot, read: boolean, now: number): Slot {
  const old = slot.entry;
  if (!old || old.read === read) return slot;
  return { ...slot, entry: stamped(old, { read, readAt: read ? now : null }, 'read', now) };
}

export function noteIn(slot: Slot, note: string, now: number): Slot {
  const old = slot.entry;
  if (!old || old.note === note) return slot;
  return { ...slot, entry: stamped(old, { note }, 'note', now) };
}

/**
 * Adds a tag (`on`) or removes it; nothing changes for a tag that is not one (./tags.ts normaliseTag; a removal finds
 * the tag by its key, tagKey, whatever its label), one already there (or not there), or a new one beyond MAX_TAGS.
 * The mark is later than every change of the entry's tags.
 */
export function tagIn(slot: Slot, tag: string, on: boolean, now: number): Slot {
  const old = slot.entry;
  // A tag is removed by its key, whatever its label (another version's, not one this version would write).
  const label = on ? normaliseTag(tag) : typeof tag === 'string' && tagKey(tag) !== '' ? tag : null;
  if (!old || label === null) return slot;
  const t = tick(now, old.stamps.tags, ...(old.tags ?? []).map((m: TagMark) => m.at));
  const tags = markTag(old.tags, label, on, t);
  if (!tags) return slot;
  const stamps = { ...old.stamps, tags: t };
  return { ...slot, entry: { ...old, tags, stamps, updatedAt: Math.max(old.updatedAt, t) } };
}

/** Fills in a partial entry's document facts (`complete` made from the document as `completeEntry` does). */
export function completeIn(slot: Slot, complete: (old: ReadingEntry) => ReadingEntry, now: number): Slot {
  const old = slot.entry;
  if (!old?.partial) return slot;
  const full = complete(old);
  const facts = Object.fromEntries(GROUPS.facts.map((f) => [f, full[f]]));
  return { ...slot, entry: stamped(old, facts, 'facts', now) };
}

/** A removal, later than every change of the entry it removes. */
export function removeFrom(slot: Slot, now: number): Slot {
  if (!slot.entry) return slot;
  return { entry: null, gone: tick(now, lastChange(slot.entry), slot.gone) };
}

/** Undo of a removal: the entry as it was, changed now (so later than its removal everywhere); not over a new save. */
export function restoreIn(slot: Slot, entry: ReadingEntry, now: number): Slot {
  if (slot.entry) return slot;
  return { entry: allAt(entry, tick(now, slot.gone, lastChange(entry))), gone: slot.gone };
}

/** Whether two states hold the same entry and removal (what a merge changed, before writing it). */
export function sameSlot(a: Slot, b: Slot): boolean {
  return a.gone === b.gone && sameData(a.entry, b.entry);
}
