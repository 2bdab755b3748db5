// Interface texts: in the language the setting gives (the page's by default, Dutch unless the document says English;
// never the browser's), from the packaged tables or the background's stored copy of them; the browser's own
// messages only when no table is there.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettingsLanguage, type Settings } from '../../entrypoints/content/page-plan';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { applyLanguage, BUNDLED_MESSAGES } from '../../utils/bundled-messages';
import {
  languageOf,
  type MessageKey,
  resolveLanguage,
  shownLanguage,
  t,
  useMessageTable,
} from '../../utils/i18n';
import { currentMessages, type MessageTables, tableOf } from '../../utils/message-cache';
import { resetBrowser } from '../support/browser-env';

afterEach(() => {
  useMessageTable(null);
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

describe('t()', () => {
  it('asks the browser (Dutch in these tests) and fills in $1 and $2 as the browser does', () => {
    expect(t('expandAll')).toBe('Alles uitklappen');
    expect(t('number', '1047')).toBe('nr. 1047');
    expect(t('popupFound', 'ah-tk-20232024-1481', '5 paren')).toBe(
      'Kamervraag gevonden: ah-tk-20232024-1481 — 5 paren',
    );
  });

  it('uses a table without asking the browser, filling in substitutions itself', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    useMessageTable({ expandAll: 'Expand all', number: 'no. $1', popupFound: '$2 in $1 ($$)' }, 'en');
    expect(t('expandAll')).toBe('Expand all');
    expect(t('number', '7')).toBe('no. 7');
    expect(t('popupFound', 'x', 'y')).toBe('y in x ($)');
    expect(spy).not.toHaveBeenCalled();
    // a key the table lacks is still asked of the browser
    expect(t('collapseAll')).toBe('Alles inklappen');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('shows the key, never an empty control, when no message exists', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => '');
    expect(t('dismiss')).toBe('dismiss');
  });

  it("says which language it writes: its table's, else the browser's", () => {
    resetBrowser();
    expect(shownLanguage()).toBe('nl');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(shownLanguage()).toBe('en');
    useMessageTable(BUNDLED_MESSAGES.nl, 'nl');
    expect(shownLanguage()).toBe('nl');
    useMessageTable(null, 'en');
    expect(shownLanguage()).toBe('en');
  });
});

describe('the interface language', () => {
  it('of a page is English when its <html lang> is, Dutch for any other and for none (the site is Dutch)', () => {
    for (const tag of ['en', 'EN', 'en-GB', 'en-US', 'en_US', ' en ']) expect(languageOf(tag)).toBe('en');
    for (const tag of ['nl', 'nl-NL', 'fy', 'de', 'eng', 'english', '', null, undefined]) {
      expect(languageOf(tag)).toBe('nl');
    }
  });

  it("is the setting's when it names one, else the page's; anything else stored reads as the default", () => {
    for (const page of ['nl', 'en', undefined]) {
      expect(resolveLanguage('nl', page)).toBe('nl');
      expect(resolveLanguage('en', page)).toBe('en');
    }
    expect(resolveLanguage('pagina', 'en-GB')).toBe('en');
    expect(resolveLanguage('pagina', 'nl')).toBe('nl');
    expect(resolveLanguage('pagina', null)).toBe('nl');
    expect(resolveLanguage('pagina')).toBe('nl');
    for (const odd of [null, undefined, 'fr', 3, {}]) {
      expect(resolveLanguage(odd, 'en')).toBe('en');
      expect(resolveLanguage(odd, 'nl')).toBe('nl');
    }
  });

  it("is never the browser's by default: an English browser gets Dutch on a Dutch page and on extension pages", () => {
    resetBrowser();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(applyLanguage('pagina')).toBe('nl');
    expect(t('expandAll')).toBe('Alles uitklappen');
    expect(applyLanguage('en', 'nl')).toBe('en');
    expect(t('expandAll')).toBe('Expand all');
    expect(t('number', '12')).toBe('no. 12');
  });
});

describe('the packaged tables', () => {
  const json = { nl, en } as Record<'nl' | 'en', Record<string, { message: string }>>;

  it('hold every key in both languages, each message as written ($1… kept), no named placeholders', () => {
    expect(Object.keys(BUNDLED_MESSAGES.en).sort()).toEqual(Object.keys(nl).sort());
    expect(Object.keys(BUNDLED_MESSAGES.nl).sort()).toEqual(Object.keys(nl).sort());
    for (const lang of ['nl', 'en'] as const) {
      for (const [k, v] of Object.entries(json[lang])) {
        expect(BUNDLED_MESSAGES[lang][k]).toBe(v.message);
        expect(v.message, `${lang}/${k}`).not.toMatch(/\$[A-Za-z_]\w*\$/);
        expect('placeholders' in v, `${lang}/${k}`).toBe(false);
      }
      // the same placeholders in both languages
      for (const k of Object.keys(nl)) {
        const used = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();
        expect(used(BUNDLED_MESSAGES.en[k]), k).toEqual(used(BUNDLED_MESSAGES.nl[k]));
      }
    }
    expect(BUNDLED_MESSAGES.nl.number).toBe('nr. $1');
    expect(BUNDLED_MESSAGES.en.popupFound).toContain('$1');
    expect(tableOf({ a: { message: 'x $1' }, b: { message: '' } })).toEqual({ a: 'x $1' });
  });

  it('give what the browser gives for every message, with and without substitutions', () => {
    const subs = ['A', 'B', 'C', 'D'];
    useMessageTable(BUNDLED_MESSAGES.nl, 'nl');
    for (const k of Object.keys(nl) as MessageKey[]) {
      expect(t(k, ...subs), k).toBe(fakeBrowser.i18n.getMessage(k, subs));
      expect(t(k), k).toBe(fakeBrowser.i18n.getMessage(k));
    }
  });
});

describe('the stored copy of both tables (the content script)', () => {
  const stored: MessageTables = {
    version: '1.2.0',
    tables: {
      nl: { expandAll: 'Alles uitklappen' },
      en: { expandAll: 'Expand all', bad: 3, empty: '' } as never,
    },
  };

  it('is used only for the version it was made for, per language, and only its text messages', () => {
    expect(currentMessages(stored, '1.2.0', 'en')).toEqual({ expandAll: 'Expand all' });
    expect(currentMessages(stored, '1.2.0', 'nl')).toEqual({ expandAll: 'Alles uitklappen' });
    expect(currentMessages(stored, '1.3.0', 'en')).toBeNull();
    expect(currentMessages({ ...stored, tables: { nl: stored.tables.nl } }, '1.2.0', 'en')).toBeNull();
    for (const bad of [null, 'x', 3, { ...stored, tables: null }, { ...stored, tables: { en: { a: 1 } } }]) {
      expect(currentMessages(bad, '1.2.0', 'en')).toBeNull();
    }
    // What earlier builds stored (the browser language's table alone) reads as missing.
    const before = { version: '1.2.0', language: 'en-US', messages: { expandAll: 'Expand all' } };
    expect(currentMessages(before, '1.2.0', 'en')).toBeNull();
    expect(currentMessages(before, '1.2.0', 'nl')).toBeNull();
  });

  describe('read by the content script with its settings', () => {
    const tables = { version: '0.1.0', tables: BUNDLED_MESSAGES };
    const settings = (language: unknown, messages: unknown = tables): Settings => ({
      mode: 'lezer',
      open: false,
      language,
      messages,
    });
    beforeEach(() => {
      resetBrowser();
      vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    });

    it("follows the page's <html lang> by default", () => {
      const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
      for (const [lang, text] of [
        ['nl', 'Alles uitklappen'],
        ['en', 'Expand all'],
        ['en-GB', 'Expand all'],
        [null, 'Alles uitklappen'],
      ] as const) {
        if (lang) document.documentElement.lang = lang;
        else document.documentElement.removeAttribute('lang');
        applySettingsLanguage(settings('pagina'));
        expect(t('expandAll'), String(lang)).toBe(text);
        expect(shownLanguage()).toBe(text === 'Expand all' ? 'en' : 'nl');
      }
      expect(getMessage).not.toHaveBeenCalled();
    });

    it('takes the language the reader chose on any page', () => {
      document.documentElement.lang = 'nl';
      applySettingsLanguage(settings('en'));
      expect(t('collapseAll')).toBe('Collapse all');
      document.documentElement.lang = 'en';
      applySettingsLanguage(settings('nl'));
      expect(t('collapseAll')).toBe('Alles inklappen');
    });

    it("asks the browser when the stored copy is missing or of another version (the browser's language then)", () => {
      document.documentElement.lang = 'nl';
      const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
      for (const messages of [null, { ...tables, version: '0.0.9' }]) {
        applySettingsLanguage(settings('pagina', messages));
        expect(t('collapseAll')).toBe('Alles inklappen'); // fakeBrowser's messages are the Dutch ones
        expect(shownLanguage()).toBe('en'); // what a real English browser would give
      }
      expect(getMessage).toHaveBeenCalledTimes(2);
    });
  });
});
