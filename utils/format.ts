// How the extension writes what it shows: dates, document kinds and numbers, ministers, failures. Texts come from
// the interface's messages (utils/i18n.ts), so each is written in the interface's language.

import { shownLanguage, t } from './i18n';
import type { Answerer, DocumentKind, KamervraagDocument } from './kamervraag/model';
import { DUTCH_MONTHS } from './kamervraag/text';
import type { FailReason } from './related/fetch';
import { idParts } from './site/ids';

/** "2024-02-16" → "16 februari 2024", as the documents print dates (no Intl: its first use costs tens of ms). */
function isoToDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = DUTCH_MONTHS[m - 1];
  return month && d ? `${d} ${month} ${y}` : iso;
}

/** A document's date as the page view shows it; null for none. */
export const dateText = (iso: string | null) => (iso ? isoToDutchDate(iso) : null);

// The list's short dates ("16 feb 2024", in the interface's language), made once per language: a list of thousands
// re-renders rows often, and Intl calls add up.
let formats: { language: string; answered: Intl.DateTimeFormat; added: Intl.DateTimeFormat } | null = null;
function shortDates() {
  const language = shownLanguage();
  if (formats?.language !== language) {
    formats = {
      language,
      answered: new Intl.DateTimeFormat(language, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
      added: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric' }),
    };
  }
  return formats;
}

/** A calendar date ("2024-02-16") short, for a list row; null for none. */
export function shortDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return shortDates().answered.format(Date.UTC(y, m - 1, d));
}

/** A moment (ms since the epoch) as a short date in the reader's time zone. */
export const shortDay = (ms: number) => shortDates().added.format(ms);

const KIND = { antwoord: 'kindAntwoord', mededeling: 'kindMededeling', vragen: 'kindVragen' } as const;

export const kindLabel = (kind: DocumentKind) => t(KIND[kind]);

/** What a reading-list entry is: a document of a kind, or a single answer ('pair'); null when not known yet */
export type EntryType = DocumentKind | 'pair';

export function entryType(entry: { id: string; kind: DocumentKind | null; pair: unknown }): EntryType | null {
  return entry.pair ? 'pair' : (entry.kind ?? idParts(entry.id).kind);
}

export const entryTypeLabel = (type: EntryType) => (type === 'pair' ? t('kindPair') : kindLabel(type));

/** "nr. 1047" for an Aanhangsel, the id itself for anything else */
export function numberLabel(id: string): string {
  const n = idParts(id).aanhangselnummer;
  return n === null ? id : t('number', String(n));
}

/**
 * How an Aanhangsel is cited ("Aanhangsel Handelingen II 2023/24, nr. 1064": Aanwijzingen voor de regelgeving 3.43,
 * as journalists and researchers write it); null for a document that is no Aanhangsel.
 */
export function citation(doc: Pick<KamervraagDocument, 'id'>): string | null {
  const parts = doc.id ? idParts(doc.id) : null;
  if (!parts?.vergaderjaar || parts.aanhangselnummer === null) return null;
  const [from, to] = parts.vergaderjaar.split('-');
  return `Aanhangsel Handelingen ${parts.chamber === 'ek' ? 'I' : 'II'} ${from}/${to.slice(2)}, nr. ${parts.aanhangselnummer}`;
}

/** "Minister Helder (Volksgezondheid, Welzijn en Sport)": who answered, as the header of an answer names them. */
export function answererText(a: Answerer): string {
  return [a.role, a.name].filter(Boolean).join(' ') + (a.ministry ? ` (${a.ministry})` : '');
}

const FAIL = {
  notFound: 'failNotFound',
  timeout: 'failTimeout',
  offline: 'failOffline',
  notKamervraag: 'failNotKamervraag',
  tooLarge: 'failTooLarge',
  error: 'failError',
} as const;

export const failText = (reason: FailReason) => t(FAIL[reason]);
