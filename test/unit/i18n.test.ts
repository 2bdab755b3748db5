// Interface texts: the browser's messages, or the background's stored copy of them when it is current.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, useMessageTable } from '../../utils/i18n';
import { browserMessages, currentMessages } from '../../utils/message-cache';

afterEach(() => {
  useMessageTable(null);
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

  it('uses a current stored table without asking the browser, filling in substitutions itself', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    useMessageTable({ expandAll: 'Expand all', number: 'no. $1', popupFound: '$2 in $1 ($$)' });
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
});

describe('the stored message table', () => {
  const stored = {
    version: '1.2.0',
    language: 'en-US',
    messages: { expandAll: 'Expand all', bad: 3, empty: '' },
  };

  it('is used only for the version and language it was made for, and only its text messages', () => {
    expect(currentMessages(stored, '1.2.0', 'en-US')).toEqual({ expandAll: 'Expand all' });
    expect(currentMessages(stored, '1.3.0', 'en-US')).toBeNull();
    expect(currentMessages(stored, '1.2.0', 'nl')).toBeNull();
    for (const bad of [null, 'x', 3, { ...stored, messages: null }]) {
      expect(currentMessages(bad, '1.2.0', 'en-US')).toBeNull();
    }
  });

  it("is made from the browser's messages with their placeholders kept", () => {
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'x', version: '1.2.0' });
    const table = browserMessages(['expandAll', 'number', 'popupFound']);
    expect(table).toEqual({
      version: '1.2.0',
      language: 'nl',
      messages: {
        expandAll: 'Alles uitklappen',
        number: 'nr. $1',
        popupFound: 'Kamervraag gevonden: $1 — $2',
      },
    });
    // and the table gives what the browser gives
    useMessageTable(table.messages);
    expect(t('popupFound', 'a', 'b')).toBe('Kamervraag gevonden: a — b');
  });
});
