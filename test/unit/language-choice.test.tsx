// The options page's language control (components/list/LanguageChoice.tsx) in happy-dom with fakeBrowser: labelled,
// it stores the choice, and the page is in the new language at once, the control keeping its focus.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LanguageChoice, useInterfaceLanguage } from '../../components/list/LanguageChoice';
import { startLanguage } from '../../utils/bundled-messages';
import { t, useMessageTable } from '../../utils/i18n';
import type { InterfaceLanguage } from '../../utils/storage';
import { resetBrowser } from '../support/browser-env';

function Page({ first }: { first: InterfaceLanguage }) {
  const setting = useInterfaceLanguage(first);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <LanguageChoice setting={setting} />
    </main>
  );
}

let root: HTMLElement;

async function open(): Promise<HTMLSelectElement> {
  const { setting } = await startLanguage();
  await act(() => render(<Page first={setting} />, root));
  return root.querySelector('select') as HTMLSelectElement;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // the storage change reaches the watch, which renders the page again
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => {
  resetBrowser();
  // An English browser: the options page is Dutch all the same until English is chosen.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  useMessageTable(null);
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

describe('the language control', () => {
  it('is a labelled select with the three choices, the default chosen, each language named in itself', async () => {
    const select = await open();
    expect(document.documentElement.lang).toBe('nl');
    const label = root.querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent).toBe('Taal van de extensie');
    expect(select.dataset.kvlOption).toBe('language');
    expect(select.value).toBe('pagina');
    expect(document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Taal van de pagina',
    );
    expect([...select.options].map((o) => [o.value, o.textContent, o.getAttribute('lang')])).toEqual([
      ['pagina', 'Taal van de pagina (Nederlands)', null],
      ['nl', 'Nederlands', 'nl'],
      ['en', 'English', 'en'],
    ]);
  });

  it('stores the choice, and the page is in the new language at once, the control keeping its focus', async () => {
    let select = await open();
    select.focus();
    await choose(select, 'en');
    expect(await fakeBrowser.storage.local.get('interfaceLanguage')).toEqual({ interfaceLanguage: 'en' });
    expect(root.querySelector('h1')?.textContent).toBe('Kamervragen Lezer: settings');
    expect(root.querySelector('label')?.textContent).toBe('Language of the extension');
    expect(document.documentElement.lang).toBe('en');
    expect(root.querySelector('select')).toBe(select);
    expect(document.activeElement).toBe(select);
    expect(select.value).toBe('en');
    await choose(select, 'pagina');
    expect(root.querySelector('h1')?.textContent).toBe('Kamervragen Lezer: instellingen');
    expect(select.options[0].textContent).toBe('Taal van de pagina (Nederlands)');
    expect(document.documentElement.lang).toBe('nl');
    // opened again with English stored: English from the first render
    await fakeBrowser.storage.local.set({ interfaceLanguage: 'en' });
    render(null, root);
    select = await open();
    expect(root.querySelector('h1')?.textContent).toBe('Kamervragen Lezer: settings');
    expect(select.value).toBe('en');
  });

  it('follows a choice made on another page (the setting changed in storage)', async () => {
    await open();
    await act(async () => {
      await fakeBrowser.storage.local.set({ interfaceLanguage: 'en' });
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(root.querySelector('label')?.textContent).toBe('Language of the extension');
  });
});
