// The saved copies in the extension's own IndexedDB (through idb), apart from the small entries that sync: a copy
// is tens of KB, storage.sync holds 100 KB in all. The background writes (utils/saved/keeper.ts); the popup and the
// saved-copy page read. Each copy is read back through isSavedCopy: nothing unchecked reaches a view.

import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { SAVED_DB, SEARCH_INDEX_KEY } from '../storage';
import { isSavedCopy, type SavedCopy } from './copy';

interface SavedSchema extends DBSchema {
  copies: { key: string; value: SavedCopy; indexes: { savedAt: number } };
  search: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<SavedSchema>> | null = null;

function db(): Promise<IDBPDatabase<SavedSchema>> {
  opened ??= openDB<SavedSchema>(SAVED_DB.name, SAVED_DB.version, {
    upgrade(d) {
      // Version 1: the two stores. A later version adds its steps here, from `oldVersion` on.
      if (!d.objectStoreNames.contains(SAVED_DB.copies)) {
        d.createObjectStore(SAVED_DB.copies, { keyPath: 'id' }).createIndex(SAVED_DB.savedAt, 'savedAt');
      }
      if (!d.objectStoreNames.contains(SAVED_DB.search)) d.createObjectStore(SAVED_DB.search);
    },
    // Another context upgrades the database: close ours so it can, and open again on the next call.
    blocking() {
      void opened?.then((d) => d.close());
      opened = null;
    },
  }).catch((err) => {
    opened = null;
    throw err;
  });
  return opened;
}

/** The copy of document `id`, null when there is none (or it is not one this version can show). */
export async function getCopy(id: string): Promise<SavedCopy | null> {
  const v = await (await db()).get(SAVED_DB.copies, id);
  return isSavedCopy(v) ? v : null;
}

/** The copies of some documents, in one transaction (absent ones left out). */
export async function getCopies(ids: readonly string[]): Promise<Map<string, SavedCopy>> {
  const tx = (await db()).transaction(SAVED_DB.copies);
  const got = await Promise.all(ids.map((id) => tx.store.get(id)));
  const out = new Map<string, SavedCopy>();
  got.forEach((v, i) => {
    if (isSavedCopy(v)) out.set(ids[i], v);
  });
  return out;
}

/** Every stored copy's id and when it was saved, without reading the copies (a walk over their `savedAt` index). */
export async function copyStamps(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let cursor = await (await db()).transaction(SAVED_DB.copies).store.index(SAVED_DB.savedAt).openKeyCursor();
  while (cursor) {
    out.set(cursor.primaryKey, cursor.key);
    cursor = await cursor.continue();
  }
  return out;
}

/** Which of `ids` have something stored under them (a copy of any version, readable or not). */
export async function storedIds(ids: readonly string[]): Promise<Set<string>> {
  const tx = (await db()).transaction(SAVED_DB.copies);
  const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  return new Set(keys.filter((k): k is string => k !== undefined));
}

export async function putCopy(copy: SavedCopy): Promise<void> {
  await (await db()).put(SAVED_DB.copies, copy);
}

export async function deleteCopies(ids: readonly string[]): Promise<void> {
  const tx = (await db()).transaction(SAVED_DB.copies, 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** Every copy (an export "with content", rebuilding the search index). */
export async function allCopies(): Promise<SavedCopy[]> {
  return (await (await db()).getAll(SAVED_DB.copies)).filter(isSavedCopy);
}

/** The stored search index (its JSON form), undefined when there is none. */
export async function getSearchIndex(): Promise<unknown> {
  return (await db()).get(SAVED_DB.search, SEARCH_INDEX_KEY);
}

export async function putSearchIndex(value: unknown): Promise<void> {
  await (await db()).put(SAVED_DB.search, value, SEARCH_INDEX_KEY);
}
