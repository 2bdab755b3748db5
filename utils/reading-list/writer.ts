// The one writer of the reading list is the background: pages, the popup and the options page send it their changes
// (store.ts, "ONE WRITER"), and it applies them one key at a time.

import { browser } from '#imports';
import { type ListOp, sendOperationsTo } from './store';

const LIST_OP = 'kvl:list-op';

const OPS = new Set(['add', 'read', 'note', 'tag', 'complete', 'remove', 'restore', 'merge', 'keep']);

/** A list operation sent by another of the extension's contexts (its fields are checked where it is applied). */
export function listOpOf(message: unknown): ListOp | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; op?: unknown };
  if (m.type !== LIST_OP || typeof m.op !== 'object' || m.op === null) return null;
  const op = m.op as { op?: unknown; key?: unknown };
  if (typeof op.op !== 'string' || !OPS.has(op.op)) return null;
  if ('key' in op && typeof op.key !== 'string') return null;
  return m.op as ListOp;
}

/** This context's changes of the list go to the background (call once, first thing, in a page or extension page). */
export function writeThroughBackground(): void {
  sendOperationsTo((op) => browser.runtime.sendMessage({ type: LIST_OP, op }));
}
