// The interface-language setting on the options page (utils/storage.ts INTERFACE_LANGUAGE): a labelled native
// select, and the hook that switches the page's texts as soon as the setting changes.
import { useEffect, useState } from 'preact/hooks';
import { applyLanguage } from '@/utils/bundled-messages';
import { t } from '@/utils/i18n';
import { interfaceLanguage } from '@/utils/settings';
import type { InterfaceLanguage } from '@/utils/storage';
import { warn } from '@/utils/warn';

/**
 * The interface-language setting; when it changes (here or on another page) t() and <html lang> switch before this
 * page renders again, in the new language and without losing focus or what was typed.
 */
export function useInterfaceLanguage(first: InterfaceLanguage): InterfaceLanguage {
  const [setting, setSetting] = useState(first);
  useEffect(
    () =>
      interfaceLanguage.watch((next) => {
        document.documentElement.lang = applyLanguage(next);
        setSetting(next);
      }),
    [],
  );
  return setting;
}

/** The language choice: the page's (Dutch here), Dutch or English, each language named in itself. */
export function LanguageChoice({ setting }: { setting: InterfaceLanguage }) {
  return (
    <section>
      <label for="kvl-language">{t('optLanguage')}</label>{' '}
      <select
        id="kvl-language"
        data-kvl-option="language"
        aria-describedby="kvl-language-help"
        value={setting}
        onChange={(e) =>
          void interfaceLanguage
            .setValue((e.currentTarget as HTMLSelectElement).value as InterfaceLanguage)
            .catch(warn)
        }
      >
        <option value="pagina">{t('optLanguagePage')}</option>
        <option value="nl" lang="nl">
          Nederlands
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
      <p class="help" id="kvl-language-help">
        {t('optLanguageHelp')}
      </p>
    </section>
  );
}
