// The reader's remembered choices, declared once in extension storage.

import { EARLY_KEYS } from './early-read';
import { storedValue } from './stored';

/** Are answers open when a page is shown in the reading view? */
export const answersOpen = storedValue<boolean>(EARLY_KEYS.answersOpen, false);

/** The reading view, or the site's original layout. */
export const viewMode = storedValue<'lezer' | 'origineel'>(EARLY_KEYS.viewMode, 'lezer');
