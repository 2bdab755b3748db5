// The reader's remembered choices, declared once in extension storage.

import { storage } from '#imports';

/** Are answers open when a page is shown in the reading view? */
export const answersOpen = storage.defineItem<boolean>('local:answersOpen', { fallback: false });

/** The reading view, or the site's original layout. */
export const viewMode = storage.defineItem<'lezer' | 'origineel'>('local:viewMode', { fallback: 'lezer' });
