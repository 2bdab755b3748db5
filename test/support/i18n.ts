// Unit tests: fakeBrowser has no i18n; give it the Dutch message table (the default locale), filled in as the
// browser does ($1…$9, $$ = $).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import nl from '../../public/_locales/nl/messages.json';

const messages = nl as Record<string, { message: string }>;

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  const message = messages[name]?.message ?? '';
  return message.replace(/\$(\d|\$)/g, (_m, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'nl';
