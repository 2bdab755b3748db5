// The reading list's merge rules (utils/reading-list/merge.ts) as properties: any interleaving of saves, edits,
// removals, undos and tags on 2–3 simulated devices (clocks skewed, one of them a newer version with a field this
// version does not know), exchanged in any order, converges to the same list everywhere; no acknowledged write is lost
// unless a later one replaced it or the entry was removed later; no removed entry comes back.
// The same rules on real storage (store.ts, sync.ts) with fakeBrowser: the last describe block.

import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  completeEntry,
  entryFromLink,
  GROUPS,
  type ReadingEntry,
  sameData,
} from '../../utils/reading-list/entry';
import {
  addTo,
  completeIn,
  lastChange,
  mergeSlot,
  noteIn,
  readIn,
  removeFrom,
  restoreIn,
  type Slot,
  sameSlot,
  tagIn,
  tick,
} from '../../utils/reading-list/merge';
import {
  addEntry,
  getEntry,
  listEntries,
  removeEntry,
  resetForTests,
  restoreEntry,
  setNote,
  setRead,
} from '../../utils/reading-list/store';
import { syncEnabled, syncNow } from '../../utils/reading-list/sync';
import { joinTags, liveTags, MAX_REMOVED_MARKS, type TagMark, tagKey } from '../../utils/reading-list/tags';
import { devicesOnStorage } from '../support/devices';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const IDS = ['ah-tk-20232024-1481', 'ah-tk-20232024-1064'];
const FACTS = {
  kind: 'antwoord' as const,
  subject: 'Vragen over de bereikbaarheid van het platteland',
  askers: [{ name: 'Jansen', party: 'CDA' }],
  answeredBy: { role: 'Minister', name: 'Van Dijk', ministry: 'IenW' },
  dateSubmitted: '2024-01-10',
  dateReceived: '2024-02-01',
};

function partialEntry(id: string, now: number): ReadingEntry {
  return entryFromLink(`${SITE}/${id}.html`, `Link ${id}`, now) as ReadingEntry;
}
function fullEntry(id: string, now: number): ReadingEntry {
  return completeEntry(partialEntry(id, now), { id, ...FACTS }, now);
}

// ---- the simulation ----

type Command =
  | { op: 'add'; d: number; k: number; partial: boolean }
  | { op: 'read'; d: number; k: number; read: boolean }
  | { op: 'note'; d: number; k: number }
  | { op: 'complete'; d: number; k: number }
  | { op: 'remove'; d: number; k: number }
  | { op: 'restore'; d: number; k: number }
  | { op: 'colour'; d: number; k: number }
  | { op: 'tag'; d: number; k: number; tag: number; on: boolean }
  | { op: 'sync'; from: number; to: number }
  | { op: 'wait'; ms: number };

const DEVICES = 3;
const NEWER = 2; // the device running a newer version, which writes a `colour` field this version does not know
const TAGS = ['Zorg', 'zorg', 'Wonen', 'Onderwijs'];
const dev = fc.integer({ min: 0, max: DEVICES - 1 });
const key = fc.integer({ min: 0, max: IDS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), d: dev, k: key, partial: fc.boolean() }),
  fc.record({ op: fc.constant('read' as const), d: dev, k: key, read: fc.boolean() }),
  fc.record({ op: fc.constant('note' as const), d: dev, k: key }),
  fc.record({ op: fc.constant('complete' as const), d: dev, k: key }),
  fc.record({ op: fc.constant('remove' as const), d: dev, k: key }),
  fc.record({ op: fc.constant('restore' as const), d: dev, k: key }),
  fc.record({ op: fc.constant('colour' as const), d: fc.constant(NEWER), k: key }),
  fc.record({
    op: fc.constant('tag' as const),
    d: dev,
    k: key,
    tag: fc.integer({ min: 0, max: TAGS.length - 1 }),
    on: fc.boolean(),
  }),
  fc.record({ op: fc.constant('sync' as const), from: dev, to: dev }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 40 }) }),
);
/** Each device's clock is off by up to 50 ms; two writes at the same moment happen. */
const skews = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: DEVICES, maxLength: DEVICES });

/** One acknowledged write of a group of an entry (or a removal: group 'gone'), as the device stamped it. */
interface Write {
  k: string;
  group: string;
  stamp: number;
  value: string;
}

const EMPTY: Slot = { entry: null, gone: null };
const GROUP_FIELDS: Record<string, readonly string[]> = { ...GROUPS, colour: ['colour'] };
const groupValue = (e: ReadingEntry, g: string) =>
  JSON.stringify(GROUP_FIELDS[g].map((f) => (e as unknown as Record<string, unknown>)[f]));

/**
 * The writes a change made: every group whose stamp moved, or the removal; for tags, each tag mark that changed
 * (group `tag:<key>`), since they merge tag by tag.
 */
function writesOf(k: string, before: Slot, after: Slot): Write[] {
  const out: Write[] = [];
  if (after.gone !== null && after.gone !== before.gone)
    out.push({ k, group: 'gone', stamp: after.gone, value: '' });
  const e = after.entry;
  if (!e) return out;
  for (const [g, stamp] of Object.entries(e.stamps)) {
    if (g === 'tags') continue;
    if (before.entry?.stamps[g] !== stamp) out.push({ k, group: g, stamp, value: groupValue(e, g) });
  }
  for (const m of e.tags ?? [])
    if (!before.entry?.tags?.some((b) => sameData(b, m)))
      out.push({ k, group: `tag:${tagKey(m.label)}`, stamp: m.at, value: JSON.stringify(m) });
  return out;
}
const markOf = (e: ReadingEntry, group: string) => e.tags?.find((m) => `tag:${tagKey(m.label)}` === group);

function simulate(commands: Command[], skew: number[]) {
  const devices = Array.from({ length: DEVICES }, () => new Map<string, Slot>());
  const undo = Array.from({ length: DEVICES }, () => new Map<string, ReadingEntry>());
  const writes: Write[] = [];
  let t = 1000;
  let notes = 0;
  for (const c of commands) {
    t += 1;
    if (c.op === 'wait') {
      t += c.ms;
      continue;
    }
    if (c.op === 'sync') {
      for (const [k, theirs] of devices[c.from]) {
        const mine = devices[c.to].get(k) ?? EMPTY;
        devices[c.to].set(k, mergeSlot(mine, theirs));
      }
      continue;
    }
    const now = t + skew[c.d];
    const k = IDS[c.k];
    const slot = devices[c.d].get(k) ?? EMPTY;
    let next: Slot = slot;
    switch (c.op) {
      case 'add':
        next = addTo(slot, c.partial ? partialEntry(k, now) : fullEntry(k, now), now);
        break;
      case 'read':
        next = readIn(slot, c.read, now);
        break;
      case 'note':
        next = noteIn(slot, `notitie ${++notes}`, now);
        break;
      case 'complete':
        next = completeIn(slot, (old) => completeEntry(old, { id: k, ...FACTS }, now), now);
        break;
      case 'remove':
        if (slot.entry) undo[c.d].set(k, slot.entry);
        next = removeFrom(slot, now);
        break;
      case 'restore': {
        const was = undo[c.d].get(k);
        if (was) next = restoreIn(slot, was, now);
        break;
      }
      case 'tag':
        next = tagIn(slot, TAGS[c.tag], c.on, now);
        break;
      case 'colour':
        if (slot.entry) {
          const s = tick(now, slot.entry.stamps.colour);
          const e = {
            ...slot.entry,
            colour: `kleur ${++notes}`,
            stamps: { ...slot.entry.stamps, colour: s },
          };
          next = { ...slot, entry: { ...e, updatedAt: Math.max(e.updatedAt, s) } as ReadingEntry };
        }
        break;
    }
    writes.push(...writesOf(k, slot, next));
    devices[c.d].set(k, next);
  }
  // Everyone exchanges with everyone, twice over.
  for (let round = 0; round < 2; round++)
    for (let from = 0; from < DEVICES; from++)
      for (let to = 0; to < DEVICES; to++)
        for (const [k, theirs] of devices[from])
          devices[to].set(k, mergeSlot(devices[to].get(k) ?? EMPTY, theirs));
  return { devices, writes };
}

/** A state without its tags' stamp (the one thing that the order of merging may change, by one). */
function withoutTagsStamp(s: Slot): Slot {
  if (!s.entry) return s;
  const { tags: _, ...stamps } = s.entry.stamps;
  return { ...s, entry: { ...s.entry, stamps: stamps as ReadingEntry['stamps'] } };
}

describe('merge rules as properties', () => {
  it('any interleaving on 3 devices converges: every device ends with the same entries and removals', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), skews, (commands, skew) => {
        const { devices } = simulate(commands, skew);
        for (const k of IDS) {
          const first = devices[0].get(k) ?? EMPTY;
          for (const d of devices) expect(sameSlot(d.get(k) ?? EMPTY, first)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('no acknowledged write is lost: each group holds the latest write, or the entry was removed after it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), skews, (commands, skew) => {
        const { devices, writes } = simulate(commands, skew);
        for (const w of writes) {
          const { entry, gone } = devices[0].get(w.k) ?? EMPTY;
          if (w.group === 'gone') {
            // the removal is known everywhere, at its time or a later one
            expect(gone).not.toBeNull();
            expect(gone as number).toBeGreaterThanOrEqual(w.stamp);
            continue;
          }
          if (w.group.startsWith('tag:')) {
            // a tag: its mark holds this write or a later one, or the entry was removed at or after it
            const m = entry ? markOf(entry, w.group) : undefined;
            if (!m || writes.some((x) => x.k === w.k && x.group === 'gone' && x.stamp >= w.stamp)) {
              expect(gone).not.toBeNull();
              expect(gone as number).toBeGreaterThanOrEqual(w.stamp);
              continue;
            }
            expect(m.at).toBeGreaterThanOrEqual(w.stamp);
            if (m.at === w.stamp) {
              const tied = writes.filter((x) => x.k === w.k && x.group === w.group && x.stamp === w.stamp);
              expect(tied.map((x) => x.value)).toContain(JSON.stringify(m));
            }
            continue;
          }
          if (!entry || !(w.group in entry.stamps)) {
            // gone: only because it was removed at or after this write
            expect(gone).not.toBeNull();
            expect(gone as number).toBeGreaterThanOrEqual(w.stamp);
            continue;
          }
          // Removed at or after this write and added again since (on a device that had not seen the removal): the
          // write went with the removal, and the entry is a new one (found by fast-check, seed -665528037: a full
          // entry removed, added again on two devices, one of them partial; the complete one's facts win).
          if (writes.some((x) => x.k === w.k && x.group === 'gone' && x.stamp >= w.stamp)) continue;
          // a complete entry's facts beat a partial one's whatever their times
          if (w.group === 'facts' && JSON.parse(w.value).at(-1) === true && !entry.partial) continue;
          expect(entry.stamps[w.group]).toBeGreaterThanOrEqual(w.stamp);
          if (entry.stamps[w.group] === w.stamp) {
            // the same time: one of the writes made at that time, the same one on every device
            const tied = writes.filter((x) => x.k === w.k && x.group === w.group && x.stamp === w.stamp);
            expect(tied.map((x) => x.value)).toContain(groupValue(entry, w.group));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('no removed entry comes back: an entry present at the end changed after every removal of it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), skews, (commands, skew) => {
        const { devices, writes } = simulate(commands, skew);
        for (const k of IDS) {
          const { entry } = devices[0].get(k) ?? EMPTY;
          const removals = writes.filter((w) => w.k === k && w.group === 'gone');
          if (!entry) continue;
          for (const r of removals) {
            expect(lastChange(entry)).toBeGreaterThan(r.stamp);
            const later = writes.filter((w) => w.k === k && w.group !== 'gone' && w.stamp > r.stamp);
            expect(later.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the merge of two states is commutative and idempotent; associative but for the tags' stamp, which one more exchange makes the same", () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), skews, (commands, skew) => {
        // three devices' states before any final exchange
        const { devices } = simulate(
          commands.filter((c) => c.op !== 'sync'),
          skew,
        );
        for (const k of IDS) {
          const [a, b, c] = devices.map((d) => d.get(k) ?? EMPTY);
          expect(sameSlot(mergeSlot(a, b), mergeSlot(b, a))).toBe(true);
          expect(sameSlot(mergeSlot(a, a), a)).toBe(true);
          const left = mergeSlot(mergeSlot(a, b), c);
          const right = mergeSlot(a, mergeSlot(b, c));
          expect(sameSlot(withoutTagsStamp(left), withoutTagsStamp(right))).toBe(true);
          const both = mergeSlot(left, right);
          expect(sameSlot(both, mergeSlot(right, left))).toBe(true);
          expect(sameSlot(mergeSlot(both, left), both)).toBe(true);
          expect(sameSlot(mergeSlot(both, right), both)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an edit made after seeing a copy from a device whose clock runs ahead still wins over it', () => {
    const ahead: Slot = noteIn(
      addTo(EMPTY, fullEntry(IDS[0], 1000), 1000),
      'van het apparaat dat voorloopt',
      9000,
    );
    // this device's clock says 2000, but it saw the note stamped 9000 first
    const here = noteIn(mergeSlot(EMPTY, ahead), 'hier daarna bewerkt', 2000);
    expect(here.entry?.stamps.note).toBe(9001);
    expect(mergeSlot(ahead, here).entry?.note).toBe('hier daarna bewerkt');
  });

  it('different fields edited on two devices at the same time both survive', () => {
    const start = addTo(EMPTY, fullEntry(IDS[0], 1000), 1000);
    const a = noteIn(start, 'notitie op de laptop', 2000);
    const b = readIn(start, true, 2000);
    const merged = mergeSlot(a, b).entry as ReadingEntry;
    expect(merged).toMatchObject({ note: 'notitie op de laptop', read: true, readAt: 2000, updatedAt: 2000 });
    expect(sameData(merged, mergeSlot(b, a).entry)).toBe(true);
  });
});

// ---- tags: several devices' copies of one entry's tags ----

const TAG_POOL = ['Zorg', 'zorg', 'Wonen', 'Onderwijs', 'Begroting'];
type TagCommand =
  | { op: 'tag'; d: number; tag: number; on: boolean }
  | { op: 'sync'; from: number; to: number }
  | { op: 'remove' | 'restore'; d: number }
  | { op: 'wait'; ms: number };
const tagCommand: fc.Arbitrary<TagCommand> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('tag' as const),
      d: dev,
      tag: fc.integer({ min: 0, max: TAG_POOL.length - 1 }),
      on: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('sync' as const), from: dev, to: dev }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('remove' as const, 'restore' as const), d: dev }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 }) }),
  },
);

/** Three devices tagging one entry (clocks off by up to 3 ms: many marks at the same time), exchanging now and then. */
function tagDevices(commands: TagCommand[], skew: number[]): Slot[] {
  const start = addTo(EMPTY, fullEntry(IDS[0], 1), 1);
  const states: Slot[] = [start, start, start];
  const undo: (ReadingEntry | null)[] = [null, null, null];
  let t = 10;
  for (const c of commands) {
    t += 1;
    if (c.op === 'wait') t += c.ms;
    else if (c.op === 'sync') states[c.to] = mergeSlot(states[c.to], states[c.from]);
    else if (c.op === 'tag') states[c.d] = tagIn(states[c.d], TAG_POOL[c.tag], c.on, t + skew[c.d]);
    else if (c.op === 'remove') {
      undo[c.d] = states[c.d].entry ?? undo[c.d];
      states[c.d] = removeFrom(states[c.d], t + skew[c.d]);
    } else if (undo[c.d]) states[c.d] = restoreIn(states[c.d], undo[c.d] as ReadingEntry, t + skew[c.d]);
  }
  return states;
}

/**
 * How a version without tags merges them: `tags` is a field it does not know, merged whole, the later stamp winning,
 * at the same stamp the larger JSON text. This version merges its own unknown fields by that rule, so the field is
 * renamed for it (`etiketten`).
 */
function asOlder(s: Slot): Slot {
  if (!s.entry) return s;
  const { tags, ...rest } = s.entry as ReadingEntry & Record<string, unknown>;
  const { tags: stamp, ...stamps } = s.entry.stamps;
  const e: Record<string, unknown> = { ...rest, stamps };
  if (tags !== undefined) e.etiketten = tags;
  if (stamp !== undefined) (e.stamps as Record<string, number>).etiketten = stamp;
  return { ...s, entry: e as unknown as ReadingEntry };
}
const olderTags = (s: Slot) => (s.entry as unknown as Record<string, unknown> | null)?.etiketten;

describe('tags merged on several devices, as properties', () => {
  it('commutative, idempotent; associative but for the stamp; stamps the same everywhere once the tags are', () => {
    fc.assert(
      fc.property(
        fc.array(tagCommand, { maxLength: 40 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        (commands, skew) => {
          const [a, b, c] = tagDevices(commands, skew);
          expect(sameSlot(mergeSlot(a, b), mergeSlot(b, a))).toBe(true);
          expect(sameSlot(mergeSlot(a, a), a)).toBe(true);
          const left = mergeSlot(mergeSlot(a, b), c);
          const right = mergeSlot(a, mergeSlot(b, c));
          // Without removals of the entry: the same tags in any order. (With them, not always, as before this version:
          // the tags go with a removal as one group, so a mark made before it stays when it meets, first, a copy whose
          // tags changed after it; the next exchange brings it everywhere, below.)
          if (!commands.some((x) => x.op === 'remove')) {
            expect(sameData(left.entry?.tags, right.entry?.tags)).toBe(true);
            expect(sameSlot(withoutTagsStamp(left), withoutTagsStamp(right))).toBe(true);
          }
          // exchanged once more: the same stamp on both, and nothing changes after that
          const both = mergeSlot(left, right);
          expect(sameSlot(mergeSlot(both, left), both)).toBe(true);
          expect(sameSlot(mergeSlot(right, both), both)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a version without tags, holding either copy, takes their merge over it (audit 3)', () => {
    fc.assert(
      fc.property(
        fc.array(tagCommand, { maxLength: 40 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        (commands, skew) => {
          const states = tagDevices(commands, skew);
          for (const x of states)
            for (const y of states) {
              const m = mergeSlot(x, y);
              if (!m.entry) continue;
              for (const copy of [x, y]) {
                expect(olderTags(mergeSlot(asOlder(copy), asOlder(m)))).toEqual(m.entry.tags);
                expect(olderTags(mergeSlot(asOlder(m), asOlder(copy)))).toEqual(m.entry.tags);
              }
            }
        },
      ),
      { numRuns: 500 },
    );
  });

  /** Copies of one entry's tags: labels from a pool of 70 (two writings of each), every mark at its own time. */
  const copies = fc
    .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 0, maxLength: 160 })
    .chain((times) =>
      fc.tuple(
        ...times.map((at) =>
          fc.record({
            copy: fc.integer({ min: 0, max: 3 }),
            label: fc.integer({ min: 0, max: 69 }).chain((i) => fc.constantFrom(`tag ${i}`, `TAG ${i}`)),
            at: fc.constant(at),
            removed: fc.boolean(),
          }),
        ),
      ),
    )
    .map((marks) =>
      [0, 1, 2, 3].map((c) =>
        joinTags(
          marks
            .filter((m) => m.copy === c)
            .map(({ label, at, removed }) => (removed ? { label, at, removed: true } : { label, at })),
        ),
      ),
    );

  it('joinTags: no live tag is dropped, at most the newest MAX_REMOVED_MARKS removal marks stay; associative while they fit (audit 1)', () => {
    fc.assert(
      fc.property(copies, ([a, b, c, d]) => {
        expect(joinTags(a, b)).toEqual(joinTags(b, a));
        expect(joinTags(a, a)).toEqual(a);
        // the latest mark of each tag over all copies
        const latest = new Map<string, TagMark>();
        for (const m of [...a, ...b, ...c, ...d]) {
          const had = latest.get(tagKey(m.label));
          if (!had || m.at > had.at) latest.set(tagKey(m.label), m);
        }
        const all = joinTags(a, b, c, d);
        const live = [...latest.values()].filter((m) => !m.removed);
        const removed = [...latest.values()].filter((m) => m.removed).sort((x, y) => y.at - x.at);
        expect(all.filter((m) => !m.removed)).toEqual(expect.arrayContaining(live));
        expect(all.filter((m) => !m.removed)).toHaveLength(live.length);
        expect(all.filter((m) => m.removed)).toEqual(
          expect.arrayContaining(removed.slice(0, MAX_REMOVED_MARKS)),
        );
        expect(all.filter((m) => m.removed)).toHaveLength(Math.min(removed.length, MAX_REMOVED_MARKS));
        // in any order of merging, while the removal marks fit
        if (removed.length <= MAX_REMOVED_MARKS) {
          expect(joinTags(joinTags(a, b), joinTags(c, d))).toEqual(all);
          expect(joinTags(a, joinTags(b, joinTags(c, d)))).toEqual(all);
          expect(joinTags(joinTags(joinTags(d, c), b), a)).toEqual(all);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('beyond MAX_REMOVED_MARKS (the known limit): an old removal dropped in one order of merging can meet an older add', () => {
    const old = { label: 'Oud', at: 10 };
    const oldRemoved = { label: 'Oud', at: 20, removed: true };
    const newer = Array.from({ length: MAX_REMOVED_MARKS }, (_, i) => ({
      label: `weg ${i}`,
      at: 100 + i,
      removed: true,
    }));
    // merged with the add first, the removal beats it; merged after 40 newer removals, it is gone when the add comes
    expect(liveTags(joinTags(joinTags([old], [oldRemoved]), newer))).toEqual([]);
    expect(liveTags(joinTags([old], joinTags([oldRemoved], newer)))).toEqual(['Oud']);
  });
});

// ---- the same on real storage: store.ts and sync.ts, each device its own storage.local, sync shared ----

type StoreCommand =
  | { op: 'add' | 'read' | 'unread' | 'note' | 'remove' | 'restore' | 'sync'; d: number; k: number }
  | { op: 'both'; d: number; k: number };

describe('the same rules on real storage (fakeBrowser), devices exchanging through storage.sync', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetForTests();
  });

  const storeCommand: fc.Arbitrary<StoreCommand> = fc.record({
    op: fc.constantFrom('add', 'read', 'unread', 'note', 'remove', 'restore', 'sync', 'both'),
    d: fc.integer({ min: 0, max: 2 }),
    k: key,
  });

  it('any interleaving of operations on 3 devices, some from two contexts at once, converges with no note lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(storeCommand, { minLength: 1, maxLength: 25 }), async (commands) => {
        fakeBrowser.reset();
        resetForTests();
        await syncEnabled.setValue(true);
        const use = devicesOnStorage(3);
        const undo = new Map<string, ReadingEntry>();
        const notes: { k: string; note: string; stamp: number }[] = [];
        /** When each key was removed (on any device) */
        const removals: { k: string; at: number }[] = [];
        let t = 10_000;
        let n = 0;
        const note = async (k: string, now: number) => {
          const text = `notitie ${++n}`;
          const e = await setNote(k, text, now);
          if (e) notes.push({ k, note: text, stamp: e.stamps.note });
        };
        for (const c of commands) {
          t += 7;
          const k = IDS[c.k];
          await use(c.d);
          switch (c.op) {
            case 'add':
              await addEntry(fullEntry(k, t));
              break;
            case 'read':
            case 'unread':
              await setRead(k, c.op === 'read', t);
              break;
            case 'note':
              await note(k, t);
              break;
            case 'both':
              // the popup and a page of the same device at the same moment
              await Promise.all([note(k, t), setRead(k, true, t)]);
              break;
            case 'remove': {
              const e = await removeEntry(k, t);
              if (e) undo.set(k, e);
              removals.push({ k, at: t });
              break;
            }
            case 'restore': {
              const e = undo.get(k);
              if (e) await restoreEntry(e, t);
              break;
            }
            case 'sync':
              await syncNow(t);
              break;
          }
        }
        for (let round = 0; round < 2; round++)
          for (let d = 0; d < 3; d++) {
            await use(d);
            t += 7;
            await syncNow(t);
          }
        const lists: ReadingEntry[][] = [];
        for (let d = 0; d < 3; d++) {
          await use(d);
          lists.push(await listEntries());
        }
        expect(sameData(lists[1], lists[0])).toBe(true);
        expect(sameData(lists[2], lists[0])).toBe(true);
        for (const w of notes) {
          const e = lists[0].find((x) => x.key === w.k);
          if (!e) continue; // removed after (the merge properties above check that removals are later)
          // Removed after the note was written: the reader removed the note with the entry. A later change on another
          // device brings that device's copy back, with the note it had (the removal's undo, in the popup, is the
          // way back to the note).
          if (removals.some((r) => r.k === w.k && r.at > w.stamp)) continue;
          expect(e.stamps.note).toBeGreaterThanOrEqual(w.stamp);
          const latest = notes.filter((x) => x.k === w.k).reduce((a, b) => (b.stamp > a.stamp ? b : a));
          if (e.stamps.note === latest.stamp && latest.stamp === w.stamp) expect(e.note).toBe(w.note);
        }
      }),
      {
        numRuns: 60,
        // Found by this property: a note written, the entry removed on that device, then read on another (which
        // brings its own copy back).
        examples: [
          [
            [
              { op: 'add', d: 0, k: 1 },
              { op: 'add', d: 1, k: 1 },
              { op: 'both', d: 0, k: 1 },
              { op: 'remove', d: 0, k: 1 },
              { op: 'read', d: 1, k: 1 },
              { op: 'add', d: 0, k: 0 },
            ],
          ],
        ],
      },
    );
  });

  it('a note set on one device and "read" on another at the same time both arrive everywhere', async () => {
    await syncEnabled.setValue(true);
    const use = devicesOnStorage(2);
    await use(0);
    await addEntry(fullEntry(IDS[0], 1000));
    await syncNow(1001);
    await use(1);
    await syncNow(1002);
    await setRead(IDS[0], true, 2000);
    await use(0);
    await setNote(IDS[0], 'voor het debat van donderdag', 2000);
    await syncNow(2001);
    await use(1);
    await syncNow(2002);
    expect(await getEntry(IDS[0])).toMatchObject({ note: 'voor het debat van donderdag', read: true });
    await use(0);
    await syncNow(2003);
    expect(await getEntry(IDS[0])).toMatchObject({ note: 'voor het debat van donderdag', read: true });
  });
});
