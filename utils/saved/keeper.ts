// The one writer of the saved copies (background only): keeps a copy of every document on the reading list. After a
// change of the list it copies what is new (fetched from the site, one at a time, a failure tried again later), and
// drops the copies of documents no entry names any more, once the removal is older than the undo window. A copy is
// never updated behind the reader's back: "refresh copy" does that. The search index follows every change.

import type { ReadingEntry } from '../reading-list/entry';
import type { FailReason, LoadedDocument } from '../related/fetch';
import { documentUrlAt, SITE_HOSTS, sitePdfUrl, splitQuestion } from '../site/ids';
import { copyOf, isSavedCopy, type SavedCopy } from './copy';
import { copyStamps, deleteCopies, putCopy, storedIds } from './db';
import { type Finder, forgetCopy, noteCopy, openFinder, storeFinder } from './finder';

/** A removed entry's copy is kept this long, for an undo (the popup offers one while it is open). */
export const UNDO_GRACE_MS = 10 * 60_000;
/** A copy that could not be made is tried again after this long (or when the background starts again). */
export const RETRY_MS = 15 * 60_000;
/** The search index is stored this long after its last change (it is caught up when opened, so a loss costs time only). */
export const STORE_INDEX_MS = 2000;
/**
 * Between two copies fetched by one reconcile: a long list (after an import, or an update of the extension) is copied
 * at 4 documents a second, gently for the site and for the reader's browser (each is a fetch and a parse).
 */
export const COPY_PAUSE_MS = 250;

export interface KeeperDeps {
  /** The list's entries as stored now */
  entries(): Promise<ReadingEntry[]>;
  /** When entries were removed: entry key → epoch ms */
  removals(): Promise<Map<string, number>>;
  /** Keys of stored entries this version cannot read (a newer version's): their documents keep their copies */
  unreadable(): Promise<string[]>;
  fetch(id: string, origin: string): Promise<LoadedDocument>;
  now(): number;
  /** Runs `run` in `ms` (the background's timer) */
  later(ms: number, run: () => void): void;
  /** Waits `ms` */
  pause(ms: number): Promise<void>;
}

export type CopyResult = { ok: true; copy: SavedCopy } | { ok: false; reason: FailReason | 'notSaved' };

export interface CopyKeeper {
  /** Makes the missing copies and drops those no entry needs; one run at a time. */
  reconcile(): Promise<void>;
  /** Reads document `id` from the site again and replaces its copy. */
  refresh(id: string): Promise<CopyResult>;
  /** Stores copies from an export where there is none, or an older one; returns how many it stored. */
  restore(values: readonly unknown[]): Promise<number>;
}

/** The site's origin for a saved URL: the page's own host, always over https (the site is https only). */
function originOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  return `https://${(SITE_HOSTS as readonly string[]).includes(host) ? host : SITE_HOSTS[0]}`;
}

export function copyKeeper(deps: KeeperDeps): CopyKeeper {
  let finder: Promise<Finder> | null = null;
  const failedAt = new Map<string, number>();
  let storing = false;
  /** Copies of documents no entry names, and since when (this background's lifetime) they have been seen so */
  const orphanSince = new Map<string, number>();
  let running: Promise<unknown> = Promise.resolve();

  const index = () => {
    finder ??= openFinder().then(({ finder: f, changed }) => {
      if (changed) storeSoon(f);
      return f;
    });
    finder.catch(() => {
      finder = null;
    });
    return finder;
  };
  /** Stores the index a while after a change (what changes meanwhile is stored with it). */
  const storeSoon = (f: Finder) => {
    if (storing) return;
    storing = true;
    deps.later(STORE_INDEX_MS, () => {
      storing = false;
      void storeFinder(f).catch(() => {});
    });
  };
  /** One change of the copies at a time: reconcile, refresh and restore never interleave. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = running.then(job, job);
    running = run.catch(() => {});
    return run;
  };

  const store = async (copy: SavedCopy) => {
    await putCopy(copy);
    const f = await index();
    noteCopy(f, copy);
    storeSoon(f);
  };

  const make = async (id: string, url: string): Promise<CopyResult> => {
    const origin = originOf(url);
    const loaded = await deps.fetch(id, origin);
    if (loaded.state === 'failed') {
      failedAt.set(id, deps.now());
      return { ok: false, reason: loaded.reason };
    }
    const copy = copyOf(id, documentUrlAt(origin, id), loaded.doc, deps.now());
    try {
      // A parse this version could not show is not stored (it would pass for a copy and never be fetched again).
      if (!isSavedCopy(copy)) throw new Error('not a valid copy');
      await store(copy);
    } catch {
      // Storage full (or refused): this copy waits like a failed fetch; the list itself is not touched.
      failedAt.set(id, deps.now());
      return { ok: false, reason: 'error' };
    }
    failedAt.delete(id);
    return { ok: true, copy };
  };

  /** Document id → the URL of its first entry. */
  const wanted = async () => {
    const out = new Map<string, string>();
    for (const e of await deps.entries()) if (!out.has(e.id)) out.set(e.id, e.url);
    return out;
  };

  const reconcile = async () => {
    const [want, have] = await Promise.all([wanted(), copyStamps()]);
    const now = deps.now();
    const missing = [...want.keys()].filter((id) => !have.has(id));
    // A record this version cannot read (a newer version's, perhaps without `savedAt`) is not missing: kept as it is.
    const unread = missing.length ? await storedIds(missing) : new Set<string>();
    let fetched = 0;
    for (const id of missing) {
      const failed = failedAt.get(id);
      if (unread.has(id) || (failed !== undefined && now - failed < RETRY_MS)) continue;
      // Saved from a PDF: the PDF page gives its copy (utils/pdf/keep.ts); the background reads no PDFs.
      if (sitePdfUrl(want.get(id) as string)) continue;
      if (fetched++ > 0) await deps.pause(COPY_PAUSE_MS);
      await make(id, want.get(id) as string);
    }
    await dropOrphans([...have.keys()].filter((id) => !want.has(id)));
  };

  /**
   * Drops the copies of documents no entry names, once the last removal of one of their entries (or, with none
   * recorded, the moment this background first saw them so) is older than the undo window.
   */
  const dropOrphans = async (candidates: string[]) => {
    if (!candidates.length) {
      orphanSince.clear();
      return;
    }
    // Read again: the fetches above may have taken a while, and the list changed meanwhile.
    const [want, unreadable, removals] = await Promise.all([wanted(), deps.unreadable(), deps.removals()]);
    for (const key of unreadable) want.set(splitQuestion(key).base, '');
    const orphans = candidates.filter((id) => !want.has(id));
    const now = deps.now();
    for (const id of [...orphanSince.keys()]) if (!orphans.includes(id)) orphanSince.delete(id);
    for (const id of orphans) if (!orphanSince.has(id)) orphanSince.set(id, now);
    // The latest removal of any entry of the document (the document's own, or one of its single answers).
    const removed = new Map<string, number>();
    for (const [key, at] of removals) {
      const id = splitQuestion(key).base;
      removed.set(id, Math.max(removed.get(id) ?? 0, at));
    }
    const since = (id: string) => removed.get(id) ?? (orphanSince.get(id) as number);
    const due = orphans.filter((id) => now - since(id) >= UNDO_GRACE_MS);
    const waiting = orphans.filter((id) => !due.includes(id));
    if (due.length) {
      await deleteCopies(due);
      const f = await index();
      for (const id of due) {
        forgetCopy(f, id);
        orphanSince.delete(id);
      }
      storeSoon(f);
    }
    if (waiting.length) {
      const next = Math.min(...waiting.map((id) => since(id) + UNDO_GRACE_MS - now));
      deps.later(next, () => void keeper.reconcile().catch(() => {}));
    }
  };

  const keeper: CopyKeeper = {
    reconcile: () => serial(reconcile),
    refresh: (id) =>
      serial(async () => {
        const url = (await wanted()).get(id);
        return url === undefined ? { ok: false, reason: 'notSaved' } : make(id, url);
      }),
    restore: (values) =>
      serial(async () => {
        // What is stored: the index knows every copy this version reads (caught up when opened, and this is the
        // copies' one writer); a record it cannot read (a newer version's) is looked up, and kept as it is.
        const f = await index();
        const have = f.stamps;
        const valid = values.filter(isSavedCopy);
        const present = await storedIds(valid.map((v) => v.id));
        const unread = new Set([...present].filter((id) => !f.index.has(id)));
        let stored = 0;
        for (const v of valid) {
          if (unread.has(v.id) || (have.get(v.id) ?? Number.NEGATIVE_INFINITY) >= v.savedAt) continue;
          await store(v);
          stored++;
        }
        return stored;
      }),
  };
  return keeper;
}
