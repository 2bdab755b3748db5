// A copy of the extension's messages in both interface languages, kept in storage.local by the background (one
// writer, rewritten whenever it starts: after install, update, browser start) and read by the content script with
// its settings: the content script does not carry the tables (its size is kept small), and the browser's getMessage
// knows only the browser's language. Derived data: when it is missing or was written for another version, the
// content script asks the background for its tables (requestMessages), and the browser only when that fails.

import { browser } from '#imports';
import type { Language } from './i18n';
import { MESSAGES } from './storage';
import { storedValue } from './stored';

/** One language's messages as written in its messages.json ($1… and $$ kept, filled in by t()) */
export type Messages = Record<string, string>;

export interface MessageTables {
  /** The extension version they were made for */
  version: string;
  tables: Partial<Record<Language, Messages>>;
}

export const messageTables = storedValue(MESSAGES);

const MESSAGES_REQUEST = 'kvl:messages';

export function isMessagesRequest(message: unknown): boolean {
  return (message as { type?: unknown } | null)?.type === MESSAGES_REQUEST;
}

/**
 * The tables from the background itself, for a page that finds none of this version stored (the first page after
 * an install or an update can come before the background has written them): null if it does not answer within
 * `ms`, and the page then asks the browser, in the browser's language.
 */
export function requestMessages(ms: number): Promise<unknown> {
  return Promise.race([
    browser.runtime.sendMessage({ type: MESSAGES_REQUEST }).catch(() => null),
    new Promise((resolve) => setTimeout(resolve, ms, null)),
  ]);
}

/** A packaged _locales/<language>/messages.json as a table: each key's message as written (no named placeholders). */
export function tableOf(json: Record<string, { message: string }>): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(json))
    if (typeof v?.message === 'string' && v.message) out[k] = v.message;
  return out;
}

/** Whether a stored value is the tables of this version of the extension (without reading them). */
export function isCurrent(value: unknown, version: string): value is MessageTables {
  const v = value as Partial<MessageTables> | null;
  return v?.version === version && typeof v.tables === 'object' && v.tables !== null;
}

/** The stored table for `language` when it was made for this version of the extension; null otherwise. */
export function currentMessages(value: unknown, version: string, language: Language): Messages | null {
  if (!isCurrent(value, version)) return null;
  const messages: unknown = (value.tables as Record<string, unknown>)[language];
  if (typeof messages !== 'object' || messages === null) return null;
  const out: Messages = {};
  for (const [k, m] of Object.entries(messages)) if (typeof m === 'string' && m) out[k] = m;
  return Object.keys(out).length ? out : null;
}
