// EVERYTHING THE EXTENSION KEEPS IN BROWSER STORAGE, declared once: each value's key, area, type and fallback, and
// the key families that hold one record per key. No other module names a storage key. Declarations only, no browser
// API: the early script (entrypoints/early.content.ts) imports them and stays a few hundred bytes; utils/stored.ts
// turns a declaration into a value to read, write and watch.
//
// A key is a promise to every installed copy: renaming one loses what users stored under it, so a stored value
// whose meaning changes gets a version (SCHEMA_VERSION, the message table's `version`) or a new key.

import type { MessageTables } from './message-cache';
import type { SyncStatus } from './reading-list/sync';
import type { Watch } from './related/watch';

export type Area = 'local' | 'sync';

/** A named value in one storage area; missing (or null) reads as its fallback. */
export interface Declared<T> {
  readonly key: string;
  readonly area: Area;
  readonly fallback: T;
}

export type ViewMode = 'lezer' | 'origineel';
/**
 * The interface's language: the page's ('pagina': English on a document whose <html lang> is English, Dutch on any
 * other, and Dutch on the popup, the options page, a saved copy and a PDF), or always Dutch or English. Never the
 * browser's UI language (utils/i18n.ts).
 */
export type InterfaceLanguage = 'pagina' | 'nl' | 'en';

// ---- the reader's settings (storage.local) ----

/** The reading view, or the site's original layout. */
export const VIEW_MODE: Declared<ViewMode> = { key: 'viewMode', area: 'local', fallback: 'lezer' };
/** Are answers open when a page is shown in the reading view? */
export const ANSWERS_OPEN: Declared<boolean> = { key: 'answersOpen', area: 'local', fallback: false };
/** The interface's language (see InterfaceLanguage); on this device only, as the other settings */
export const INTERFACE_LANGUAGE: Declared<InterfaceLanguage> = {
  key: 'interfaceLanguage',
  area: 'local',
  fallback: 'pagina',
};

// ---- the reading list (storage.local, the source of truth; mirrored to storage.sync when the user turns it on) ----

/** `kvl-item:<entry key>` = one entry (local and sync); entry key = document id or `<id>#vraag-N` */
export const ITEM_PREFIX = 'kvl-item:';
/** `kvl-gone:<entry key>` = when an entry was removed (a tombstone), so sync does not bring it back from another device */
export const GONE_PREFIX = 'kvl-gone:';
/**
 * The schema of what is stored under ITEM_PREFIX (locally, in sync, in an export). 1 = one key per entry with the
 * ReadingEntry fields; 2 = the same with per-group change times (`stamps`, reading-list/merge.ts), fields of newer
 * versions kept. A version that changes what an existing field means writes its number in the entry's `schema`
 * field: this version then keeps such an entry as it is and never rewrites it.
 */
export const SCHEMA_VERSION = 2;
/** The schema version the stored entries were last migrated to; none = never migrated */
export const SCHEMA: Declared<number | null> = { key: 'kvl-schema', area: 'local', fallback: null };
/**
 * The newest entries and the counts, kept by the background after every change so the popup can show the top of the
 * list before it has read all entries (a cache: never the source of truth, never written elsewhere). Checked when
 * read (reading-list/preview.ts), so typed unknown here.
 */
export const PREVIEW: Declared<unknown> = { key: 'kvl-preview', area: 'local', fallback: null };
/** Does the reader want the list mirrored to storage.sync? (a setting, so it stays on this device) */
export const SYNC_ENABLED: Declared<boolean> = { key: 'syncEnabled', area: 'local', fallback: false };
/** The last sync's outcome, for the popup and the options page; null before the first */
export const SYNC_STATUS: Declared<SyncStatus | null> = {
  key: 'kvl-sync-status',
  area: 'local',
  fallback: null,
};

// ---- derived data, one writer each: the background ----

/**
 * The interface texts in both languages, for the content script, which does not carry them (the extension's version
 * inside). Before the language setting it held the browser language's table alone (`{version, language,
 * messages}`): that shape reads as missing (utils/message-cache.ts checks it) until the background rewrites it.
 */
export const MESSAGES: Declared<MessageTables | null> = {
  key: 'kvl-messages',
  area: 'local',
  fallback: null,
};
/** The questions the reader follows (kv pages), by kv id */
export const WATCHES: Declared<Record<string, Watch>> = { key: 'kvl-watch', area: 'local', fallback: {} };
/** `related:<id>` = { at, facts }: one related document's facts, fetched at `at` (related/cache.ts) */
export const RELATED_PREFIX = 'related:';
/** What is in the related cache: { <id>: at }, for evicting the oldest */
export const RELATED_INDEX: Declared<Record<string, number>> = {
  key: 'related-index',
  area: 'local',
  fallback: {},
};

// ---- saved copies (the extension's IndexedDB: large, never synced; utils/saved/db.ts) ----

/**
 * The database of saved copies. Version 1: `copies` (one SavedCopy per document id, utils/saved/copy.ts, with an
 * index `savedAt`) and `search` (the search index over them, one record under SEARCH_INDEX_KEY: derived data, caught
 * up with the copies whenever it is read).
 */
export const SAVED_DB = {
  name: 'kvl-saved',
  version: 1,
  copies: 'copies',
  savedAt: 'savedAt',
  search: 'search',
} as const;
export const SEARCH_INDEX_KEY = 'index';
