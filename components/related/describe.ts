// How a related document is named in the view: its kind and number, who answered, when, and why it failed.

import { t } from '../../utils/i18n';
import type { DocumentKind } from '../../utils/kamervraag/model';
import { isoToDutchDate } from '../../utils/kamervraag/text';

import type { FailReason } from '../../utils/related/fetch';
import { idParts } from '../../utils/site/ids';

const KIND = { antwoord: 'kindAntwoord', mededeling: 'kindMededeling', vragen: 'kindVragen' } as const;

export const kindLabel = (kind: DocumentKind) => t(KIND[kind]);

/** "nr. 1047" for an Aanhangsel, the id itself for anything else */
export function numberLabel(id: string): string {
  const n = idParts(id).aanhangselnummer;
  return n === null ? id : t('number', String(n));
}

export const dateText = (iso: string | null) => (iso ? isoToDutchDate(iso) : null);

const FAIL = {
  notFound: 'failNotFound',
  timeout: 'failTimeout',
  offline: 'failOffline',
  notKamervraag: 'failNotKamervraag',
  tooLarge: 'failTooLarge',
  error: 'failError',
} as const;

export const failText = (reason: FailReason) => t(FAIL[reason]);

/**
 * Related ids in the order they were published: by vergaderjaar, then Aanhangsel number (a set can cross into the
 * next vergaderjaar), anything else after them; the page's own among them.
 */
export function inOrder(ids: readonly string[]): string[] {
  const year = (id: string) => idParts(id).vergaderjaar ?? '9999';
  const n = (id: string) => idParts(id).aanhangselnummer ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(ids)].sort(
    (a, b) => year(a).localeCompare(year(b)) || n(a) - n(b) || a.localeCompare(b),
  );
}
