// Optional mirror of the reading list in the browser's storage.sync, within its quotas. storage.local stays the
// source of truth and keeps everything: when the list no longer fits, the newest entries are synced, the rest stay
// on this device only, and the status says so (the popup and options page tell the user). Nothing is ever dropped.
// Saves, edits and removals travel between devices and are merged field group by field group, the most recent change
// of each group winning (./merge.ts): a note edited on one device and "read" set on another both survive. A removal
// leaves a small tombstone (`kvl-gone:<key>` = when) that is synced too (for 90 days), so another device does not
// bring it back.

import { GONE_PREFIX, ITEM_PREFIX, SYNC_ENABLED, SYNC_STATUS } from '../storage';
import { removeKeys, setKeys, snapshot, storedValue } from '../stored';
import { type ReadingEntry, readEntry, sameData } from './entry';
import { listEntries, listRemoved, type MergeCounts, mergeEntries } from './store';

/** storage.sync quotas (Chrome and Firefox): 8 KB per item, 100 KB in all, 512 items. We keep a margin. */
export const SYNC_QUOTA = {
  perItem: 8192,
  total: 102_400,
  items: 512,
} as const;
const MARGIN = { total: 2048, items: 2 };
/** Tombstones synced: removals of the last 90 days, at most 100 (about 4 KB). */
const GONE_DAYS = 90;
const GONE_MAX = 100;

export const syncEnabled = storedValue(SYNC_ENABLED);

export interface SyncStatus {
  /** false when some entries did not fit (or writing failed) */
  ok: boolean;
  synced: number;
  /** Entries kept on this device only */
  notSynced: number;
  /** 'quota' when the list is too big, or the browser's error message */
  problem: string | null;
  at: number;
}
export const syncStatus = storedValue(SYNC_STATUS);

/** UTF-8 bytes of a string whose lone surrogates count as U+FFFD (3 bytes), as the browsers store it. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Bytes an item takes in storage.sync as the browsers count it against their quotas: its key plus its value
 * serialized as JSON, in UTF-8. Chrome's serializer writes `<` as `\u003C` and U+2028/U+2029 as `\u2028`/`\u2029`
 * (6 bytes each, where JSON.stringify writes 1 and 3) and a lone surrogate as U+FFFD (3 bytes; JSON.stringify 6);
 * Firefox counts the JSON.stringify text (and refuses a lone surrogate: values are made wellFormed first). The larger of the two, so that an item fits in both (measured against
 * Chromium's getBytesInUse in test/e2e/reading-list.e2e.test.ts).
 */
export function syncBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  const standard = utf8Bytes(key) + utf8Bytes(json);
  // Chrome: 5 more bytes per "<" and 3 more per U+2028/U+2029 than the UTF-8 of JSON.stringify's text. (A lone
  // surrogate costs Chrome less, so the standard count covers it.)
  let extra = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x3c) extra += 5;
    else if (c === 0x2028 || c === 0x2029) extra += 3;
  }
  return standard + extra;
}

/**
 * A value as storage.sync can hold it in both browsers: every string well-formed (a lone surrogate as U+FFFD, as
 * Chrome stores it; Firefox refuses the whole write with "An unexpected error occurred").
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormed(v)])) as T;
  return value;
}

/** Which entries fit in storage.sync (after `reserved` bytes and items): the most recently added first. */
export function planSync(
  entries: ReadingEntry[],
  reserved = { bytes: 0, items: 0 },
): { fit: ReadingEntry[]; left: ReadingEntry[] } {
  const fit: ReadingEntry[] = [];
  const left: ReadingEntry[] = [];
  let total = reserved.bytes;
  for (const e of [...entries].sort((a, b) => b.addedAt - a.addedAt)) {
    const size = syncBytes(ITEM_PREFIX + e.key, e);
    if (
      size <= SYNC_QUOTA.perItem &&
      total + size <= SYNC_QUOTA.total - MARGIN.total &&
      reserved.items + fit.length < SYNC_QUOTA.items - MARGIN.items
    ) {
      fit.push(e);
      total += size;
    } else left.push(e);
  }
  return { fit, left };
}

async function syncItems(): Promise<{ items: Map<string, unknown>; gone: Map<string, number> }> {
  const all = await snapshot('sync');
  const items = new Map<string, unknown>();
  const gone = new Map<string, number>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(ITEM_PREFIX)) items.set(k.slice(ITEM_PREFIX.length), v);
    else if (k.startsWith(GONE_PREFIX) && typeof v === 'number') gone.set(k.slice(GONE_PREFIX.length), v);
  }
  return { items, gone };
}

/**
 * Takes changes from other devices: their entries and removals merged with the ones here, each on its key as stored
 * at that moment (an edit made here meanwhile is never overwritten). Returns how many entries changed here.
 */
export async function pullFromSync(): Promise<number> {
  const r = await pull();
  return r.added + r.updated + r.removed;
}

/** pullFromSync's merge: what changed, and how many entries could not be merged (kept as they are here). */
async function pull(): Promise<MergeCounts> {
  const remote = await syncItems();
  const entries: ReadingEntry[] = [];
  for (const [k, v] of remote.items) {
    const e = readEntry(v, k);
    if (e) entries.push(e);
  }
  return mergeEntries(entries, Object.fromEntries(remote.gone));
}

/**
 * Writes `values` to storage.sync: all at once, and when the browser refuses that (one item over its limit, the quota
 * reached), one by one, so that one bad item never stops the others. Returns the keys that could not be written.
 */
async function writeSync(
  values: Record<string, unknown>,
): Promise<{ failed: string[]; error: string | null }> {
  const keys = Object.keys(values);
  if (keys.length === 0) return { failed: [], error: null };
  try {
    await setKeys('sync', values);
    return { failed: [], error: null };
  } catch {
    const failed: string[] = [];
    let error: string | null = null;
    for (const k of keys) {
      try {
        await setKeys('sync', { [k]: values[k] });
      } catch (err) {
        failed.push(k);
        error ??= String(err);
      }
    }
    return { failed, error };
  }
}

/** Pulls, then writes what fits to storage.sync (only what differs) and records the status. */
export async function syncNow(now = Date.now()): Promise<SyncStatus | null> {
  if (!(await syncEnabled.getValue())) return null;
  let status: SyncStatus;
  try {
    const pulled = await pull();
    const gone = [...(await listRemoved())]
      .filter(([, at]) => at > now - GONE_DAYS * 86_400_000)
      .sort((a, b) => b[1] - a[1])
      .slice(0, GONE_MAX);
    const remote = await syncItems();
    // Items this version cannot read (written by a newer version: unknown fields, another shape) stay in sync as they
    // are, and take their room there.
    const foreign = [...remote.items].filter(([k, v]) => !readEntry(v, k));
    const reserved = {
      bytes:
        gone.reduce((n, [k, at]) => n + syncBytes(GONE_PREFIX + k, at), 0) +
        foreign.reduce((n, [k, v]) => n + syncBytes(ITEM_PREFIX + k, v), 0),
      items: gone.length + foreign.length,
    };
    const { fit, left } = planSync((await listEntries()).map(wellFormed), reserved);
    const keepItems = new Set([...fit.map((e) => e.key), ...foreign.map(([k]) => k)]);
    const keepGone = new Map(gone);
    // A newer version's record is never overwritten by this version's idea of the same entry.
    const foreignKeys = new Set(foreign.map(([k]) => k));
    const changed = fit.filter((e) => !foreignKeys.has(e.key) && !sameData(remote.items.get(e.key), e));
    const changedGone = gone.filter(([k, at]) => remote.gone.get(k) !== at);
    const stale = [
      ...[...remote.items.keys()].filter((k) => !keepItems.has(k)).map((k) => ITEM_PREFIX + k),
      ...[...remote.gone.keys()].filter((k) => !keepGone.has(k)).map((k) => GONE_PREFIX + k),
    ];
    // Room first (entries that no longer fit leave sync, but stay in local), then the new values.
    if (stale.length) await removeKeys('sync', stale);
    const writes: Record<string, unknown> = {};
    for (const e of changed) writes[ITEM_PREFIX + e.key] = e;
    for (const [k, at] of changedGone) writes[GONE_PREFIX + k] = at;
    const written = await writeSync(writes);
    const failedEntries = written.failed.filter((k) => k.startsWith(ITEM_PREFIX)).length;
    const notSynced = left.length + failedEntries;
    // Entries another device holds that could not be merged with the ones here (each kept as it is, on both).
    // Said in the interface's language where it is shown (components/list/PopupSave.tsx): `refused:<count>`.
    const refused = pulled.refused ? `refused:${pulled.refused}` : null;
    status = {
      ok: notSynced === 0 && written.error === null && !refused,
      synced: fit.length - failedEntries,
      notSynced,
      problem: written.error ?? (left.length ? 'quota' : refused),
      at: now,
    };
  } catch (err) {
    const local = await listEntries().catch(() => []);
    status = { ok: false, synced: 0, notSynced: local.length, problem: String(err), at: now };
  }
  await syncStatus.setValue(status);
  return status;
}
