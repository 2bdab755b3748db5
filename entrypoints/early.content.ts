// Injected just before the content script, on the same pages: starts its storage read (utils/early-read.ts).

import { defineContentScript } from '#imports';
import { startEarlyRead } from '@/utils/early-read';
import { SITE_HOSTS } from '@/utils/site/ids';

export default defineContentScript({
  matches: SITE_HOSTS.map((host) => `*://${host}/*`),
  runAt: 'document_start',
  main() {
    startEarlyRead();
  },
});
