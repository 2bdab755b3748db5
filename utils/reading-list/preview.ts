// The popup's head start: a small copy of the top of the list (the newest entries and the counts) in ONE storage key.
// Reading every entry key of a long list takes a while (5,000 entries: about 300 ms in Chromium), reading this one
// small key a few ms; the popup shows the preview at once and replaces it with the full list when that is read.
//
// It is derived data with ONE writer (the background, after every change, one refresh at a time), so it cannot
// cause lost updates: entries stay one key each, and a stale or damaged preview is only shown until the full read.

import { PREVIEW, SCHEMA_VERSION } from '../storage';
import { storedValue } from '../stored';
import { isEntry, type ReadingEntry } from './entry';
import { unreadCount } from './query';

/** As many as the popup shows before "show more". */
export const PREVIEW_SIZE = 25;

export interface ListPreview {
  /** The entry schema it was written with; another version is ignored. */
  version: number;
  /** All entries / unread entries */
  total: number;
  unread: number;
  /** The newest entries (by addedAt), at most PREVIEW_SIZE */
  newest: ReadingEntry[];
}

const previewItem = storedValue(PREVIEW);

/** The preview of a list (entries in any order). */
export function makePreview(entries: ReadingEntry[], size = PREVIEW_SIZE): ListPreview {
  const newest = [...entries].sort((a, b) => b.addedAt - a.addedAt).slice(0, size);
  return { version: SCHEMA_VERSION, total: entries.length, unread: unreadCount(entries), newest };
}

/** The stored value when it is a usable preview of this schema version; anything else gives null. */
export function asPreview(value: unknown): ListPreview | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Partial<ListPreview>;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (p.version !== SCHEMA_VERSION || !count(p.total) || !count(p.unread) || p.unread > p.total) return null;
  if (!Array.isArray(p.newest) || p.newest.length > p.total || !p.newest.every((e) => isEntry(e)))
    return null;
  return { version: p.version, total: p.total, unread: p.unread, newest: p.newest };
}

export async function readPreview(): Promise<ListPreview | null> {
  return asPreview(await previewItem.getValue());
}

/** Background only (the one writer). */
export async function writePreview(entries: ReadingEntry[]): Promise<ListPreview> {
  const preview = makePreview(entries);
  await previewItem.setValue(preview);
  return preview;
}
