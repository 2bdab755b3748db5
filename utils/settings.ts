// The reader's remembered choices, declared once in extension storage.

import { ANSWERS_OPEN, INTERFACE_LANGUAGE, VIEW_MODE } from './storage';
import { storedValue } from './stored';

/** Are answers open when a page is shown in the reading view? */
export const answersOpen = storedValue(ANSWERS_OPEN);

/** The reading view, or the site's original layout. */
export const viewMode = storedValue(VIEW_MODE);

/** The interface's language: the page's, Dutch or English (utils/i18n.ts). */
export const interfaceLanguage = storedValue(INTERFACE_LANGUAGE);
