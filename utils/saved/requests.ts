// What the popup, the options page and the saved-copy page ask of the background about copies (it is their one
// writer, utils/saved/keeper.ts).

import { browser } from '#imports';
import { withQuestion } from '../site/ids';
import type { CopyResult } from './keeper';

const COPY_MESSAGE = 'kvl:copy';

export type CopyRequest = { op: 'refresh'; id: string } | { op: 'restore'; copies: unknown[] };

/** The request a message carries, null for any other message (each copy is checked where it is stored). */
export function copyRequestOf(message: unknown): CopyRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; op?: unknown; id?: unknown; copies?: unknown };
  if (m.type !== COPY_MESSAGE) return null;
  if (m.op === 'refresh' && typeof m.id === 'string') return { op: 'refresh', id: m.id };
  if (m.op === 'restore' && Array.isArray(m.copies)) return { op: 'restore', copies: m.copies };
  return null;
}

/** Reads the document again from the site and replaces its copy. */
export const refreshCopy = (id: string): Promise<CopyResult> =>
  browser.runtime.sendMessage({ type: COPY_MESSAGE, op: 'refresh', id });

/** Copies read from an export, stored where there is none or an older one (in batches: messages have a size limit). */
export async function restoreCopies(copies: readonly unknown[], batch = 50): Promise<number> {
  let stored = 0;
  for (let i = 0; i < copies.length; i += batch) {
    stored += (await browser.runtime.sendMessage({
      type: COPY_MESSAGE,
      op: 'restore',
      copies: copies.slice(i, i + batch),
    })) as number;
  }
  return stored;
}

/** The saved-copy page of document `id`, at question `n` when given. */
export function copyPageUrl(id: string, n?: number): string {
  const page = `${browser.runtime.getURL('/copy.html')}?id=${encodeURIComponent(id)}`;
  return n === undefined ? page : withQuestion(page, n);
}
