// The reader's remembered choices, declared once in extension storage.

import { storedValue } from './stored';

/** Are answers open when a page is shown in the reading view? */
export const answersOpen = storedValue<boolean>('answersOpen', false);

/** The reading view, or the site's original layout. */
export const viewMode = storedValue<'lezer' | 'origineel'>('viewMode', 'lezer');
