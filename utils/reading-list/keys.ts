// The reading list's storage key names, in a module without browser APIs (the bench writes entries with them too).

/** `kvl-item:<entry key>` = one entry */
export const ITEM_PREFIX = 'kvl-item:';
/** `kvl-gone:<key>` = when an entry was removed (a tombstone), so sync does not bring it back from another device. */
export const GONE_PREFIX = 'kvl-gone:';
/** Where the schema version is kept */
export const SCHEMA_KEY = 'kvl-schema';
/** The schema of what is stored under ITEM_PREFIX. 1 = one key per entry with the ReadingEntry fields. */
export const SCHEMA_VERSION = 1;
