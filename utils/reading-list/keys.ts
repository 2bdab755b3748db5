// The reading list's storage key names, in a module without browser APIs (the bench writes entries with them too).

/** `kvl-item:<entry key>` = one entry */
export const ITEM_PREFIX = 'kvl-item:';
/** `kvl-gone:<key>` = when an entry was removed (a tombstone), so sync does not bring it back from another device. */
export const GONE_PREFIX = 'kvl-gone:';
/** Where the schema version is kept */
export const SCHEMA_KEY = 'kvl-schema';
/**
 * The schema of what is stored under ITEM_PREFIX (locally, in sync, in an export). 1 = one key per entry with the
 * ReadingEntry fields; 2 = the same with per-group change times (`stamps`, ./merge.ts), fields of newer versions
 * kept. A version that changes what an existing field means writes its number in the entry's `schema` field: this
 * version then keeps such an entry as it is and never rewrites it.
 */
export const SCHEMA_VERSION = 2;
/**
 * `kvl-preview` = the newest entries and the counts, kept by the background after every change so the popup can show
 * the top of the list before it has read all entries (a cache: never the source of truth, never written elsewhere).
 */
export const PREVIEW_KEY = 'kvl-preview';
