// The reading list's storage key names, in a module without browser APIs (the bench writes entries with them too).

/** `kvl-item:<entry key>` = one entry */
export const ITEM_PREFIX = 'kvl-item:';
/** `kvl-gone:<key>` = when an entry was removed (a tombstone), so sync does not bring it back from another device. */
export const GONE_PREFIX = 'kvl-gone:';
/** Where the schema version is kept */
export const SCHEMA_KEY = 'kvl-schema';
/** The schema of what is stored under ITEM_PREFIX. 1 = one key per entry with the ReadingEntry fields. */
export const SCHEMA_VERSION = 1;
/**
 * `kvl-preview` = the newest entries and the counts, kept by the background after every change so the popup can show
 * the top of the list before it has read all entries (a cache: never the source of truth, never written elsewhere).
 */
export const PREVIEW_KEY = 'kvl-preview';
