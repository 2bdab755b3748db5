// Export (versioned JSON for re-import, Markdown to read) and import: the whole file is validated before anything
// is written, and merging never makes duplicates.

import { isSavedCopy, type SavedCopy } from '../saved/copy';
import { entryProblem, type ReadingEntry, upgradeEntry } from './entry';
import { keepRecords, mergeEntries } from './store';
import { liveTags } from './tags';

export const EXPORT_FORMAT = 'kamervragen-lezer/leeslijst';
/** 1: entries of schema 1; 2: entries with their change times (schema 2) and the records this version kept unread */
const EXPORT_VERSION = 2;
const READABLE_VERSIONS = new Set([1, 2]);
/**
 * Larger files are refused before parsing. 20,000 entries with notes take about 12 MB as exported (15,000 typical
 * ones about 8 MB); the limit leaves room for long notes.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/**
 * An export with content (the saved copies) may be larger: a copy takes 2–45 KB as JSON (10 KB typical, measured on
 * the fixture documents), so 1,000 saved documents 10–45 MB.
 */
export const MAX_CONTENT_IMPORT_BYTES = 160 * 1024 * 1024;
const MAX_IMPORT_ENTRIES = 20_000;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Every entry, with every field (a newer version's too) and its change times */
  entries: ReadingEntry[];
  /** Records stored under the list's keys that this version cannot read (a newer version's), as they are */
  kept: { key: string; value: unknown }[];
  /** An export "with content": the saved copies of the documents (utils/saved/copy.ts) */
  copies?: SavedCopy[];
}

/** The whole list as a file that imports back to the same list. */
export function exportJson(
  entries: ReadingEntry[],
  now = new Date(),
  kept: Map<string, unknown> = new Map(),
  copies?: SavedCopy[],
): string {
  const head = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    kept: [...kept].map(([key, value]) => ({ key, value })),
  };
  // One entry (and one copy) per line: a long list stays well within what import accepts, and still reads and
  // diffs line by line.
  const list = (name: string, values: unknown[]) =>
    `,${JSON.stringify(name)}:[\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n]`;
  const content = copies ? list('copies', copies) : '';
  return `${JSON.stringify(head).slice(0, -1)}${list('entries', entries)}${content}}\n`;
}

function md(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * A tag in Markdown: a code span, so that a comma (or anything else) in it reads as part of it and nothing in it is
 * taken as Markdown. Its fence is one backtick longer than the longest run of backticks in it, with a space inside
 * each end when it starts or ends with one (CommonMark strips those spaces).
 */
export function mdTag(tag: string): string {
  const text = tag.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A readable list with links, newest first. Labels are Dutch or English; tags as code spans (mdTag). */
export function exportMarkdown(entries: ReadingEntry[], lang: 'nl' | 'en' = 'nl'): string {
  const L =
    lang === 'en'
      ? {
          title: 'Reading list',
          by: 'asked by',
          ans: 'answered by',
          read: 'read',
          unread: 'unread',
          note: 'Note',
          tags: 'Tags',
          added: 'added',
        }
      : {
          title: 'Leeslijst',
          by: 'gesteld door',
          ans: 'beantwoord door',
          read: 'gelezen',
          unread: 'ongelezen',
          note: 'Notitie',
          tags: 'Tags',
          added: 'toegevoegd',
        };
  const lines = [`# ${L.title}`, ''];
  for (const e of [...entries].sort((a, b) => b.addedAt - a.addedAt)) {
    const label = e.pair ? `${e.title} — ${e.pair.label}` : e.title;
    const facts = [
      e.askers.length ? `${L.by} ${e.askers.join(', ')}` : '',
      e.answeredBy ? `${L.ans} ${e.answeredBy}${e.ministry ? ` (${e.ministry})` : ''}` : '',
      e.dateReceived ?? '',
      `${L.added} ${new Date(e.addedAt).toISOString().slice(0, 10)}`,
      e.read ? L.read : L.unread,
    ].filter(Boolean);
    lines.push(
      `- [${md(label)}](<${e.url.replace(/[<>\s]/g, encodeURIComponent)}>) (${md(e.key)}) — ${md(facts.join(' · '))}`,
    );
    if (e.pair?.firstWords) lines.push(`  > ${md(e.pair.firstWords)}`);
    if (e.note) lines.push(`  ${L.note}: ${md(e.note)}`);
    const tags = liveTags(e.tags);
    if (tags.length) lines.push(`  ${L.tags}: ${tags.map(mdTag).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Why an import was refused: a message key (public/_locales) and a detail for the user. */
export class ImportError extends Error {
  constructor(
    readonly reason:
      | 'tooLarge'
      | 'notJson'
      | 'notOurs'
      | 'wrongVersion'
      | 'badEntry'
      | 'tooMany'
      | 'duplicate',
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** The columns of the CSV export, in order. */
const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'question',
  'kind',
  'askers',
  'answeredBy',
  'ministry',
  'dateSubmitted',
  'dateReceived',
  'read',
  'readAt',
  'addedAt',
  'note',
  'tags',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a spreadsheet would take
 * for a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so opening the file
 * never runs anything.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The list as CSV for a spreadsheet, newest first: one row per entry, dates as ISO, UTF-8 with a BOM (Excel). */
export function exportCsv(entries: ReadingEntry[]): string {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const rows = [...entries]
    .sort((a, b) => b.addedAt - a.addedAt)
    .map((e) =>
      [
        e.id,
        e.url,
        e.title,
        e.pair?.label ?? '',
        e.kind ?? '',
        e.askers.join('; '),
        e.answeredBy ?? '',
        e.ministry ?? '',
        e.dateSubmitted ?? '',
        e.dateReceived ?? '',
        e.read ? 'ja' : 'nee',
        iso(e.readAt),
        iso(e.addedAt),
        e.note,
        liveTags(e.tags).join('; '),
      ]
        .map(csvField)
        .join(','),
    );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** What an import file holds, all of it checked. */
export interface ImportFile {
  entries: ReadingEntry[];
  kept: { key: string; value: unknown }[];
  /** The saved copies of an export with content that this version can show */
  copies: SavedCopy[];
  /** Copies left out: damaged, or of another version (a copy can be made again from the site; an entry cannot) */
  copiesSkipped: number;
}

/** Validates a whole export file (version 1 or 2); throws ImportError on the first problem. Nothing is written. */
export function parseImport(text: string): ImportFile {
  const size = new Blob([text]).size;
  if (size > MAX_CONTENT_IMPORT_BYTES) throw new ImportError('tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError(size > MAX_IMPORT_BYTES ? 'tooLarge' : 'notJson');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportError('notOurs');
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT || !Array.isArray(file.entries)) throw new ImportError('notOurs');
  if (!READABLE_VERSIONS.has(file.version as number))
    throw new ImportError('wrongVersion', String(file.version));
  const withCopies = file.copies ?? [];
  if (!Array.isArray(withCopies)) throw new ImportError('notOurs');
  const copies = withCopies.filter(isSavedCopy);
  // Only an export with content (copies this version can store) may be larger than a list alone.
  if (copies.length === 0 && size > MAX_IMPORT_BYTES) throw new ImportError('tooLarge');
  const kept = file.kept ?? [];
  if (!Array.isArray(kept)) throw new ImportError('notOurs');
  if (file.entries.length + kept.length > MAX_IMPORT_ENTRIES)
    throw new ImportError('tooMany', String(file.entries.length + kept.length));
  const seen = new Set<string>();
  const listed: unknown[] = file.entries;
  const entries = listed.map((raw, i) => {
    const e = upgradeEntry(raw);
    const problem = entryProblem(e);
    if (problem) throw new ImportError('badEntry', `${i + 1}: ${problem}`);
    const key = (e as ReadingEntry).key;
    if (seen.has(key)) throw new ImportError('duplicate', key);
    seen.add(key);
    return e as ReadingEntry;
  });
  kept.forEach((r, i) => {
    const key = (r as { key?: unknown } | null)?.key;
    if (typeof key !== 'string' || typeof r.value !== 'object' || r.value === null)
      throw new ImportError('badEntry', `${listed.length + i + 1}: kept record`);
    if (seen.has(key)) throw new ImportError('duplicate', key);
    seen.add(key);
  });
  return { entries, kept, copies, copiesSkipped: withCopies.length - copies.length };
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  removedLater: number;
  /** Entries of the file that could not be merged with the one here (store.ts MergeCounts): only there when some were */
  refused?: number;
}

/**
 * Merges a validated file into the list field group by field group (nothing changed here later is overwritten; an
 * entry removed here after the file's copy of it changed stays removed and is counted). Its copies are the caller's
 * to store (utils/saved/requests.ts restoreCopies), before this: the merge makes the background look for copies.
 */
export async function importParsed(file: ImportFile): Promise<ImportCounts> {
  const { added, updated, unchanged, removedLater, refused } = await mergeEntries(file.entries);
  const keptAdded = await keepRecords(file.kept);
  return {
    added: added + keptAdded,
    updated,
    unchanged: unchanged + file.kept.length - keptAdded,
    removedLater,
    ...(refused ? { refused } : {}),
  };
}

/** Validates `text` completely, then merges it; on any problem throws ImportError and the list is unchanged. */
export async function importJson(text: string): Promise<ImportCounts> {
  return importParsed(parseImport(text));
}
