// Injected just before the content script, on the same pages: starts its storage read (utils/early-read.ts).

import { defineContentScript } from '#imports';
import { startEarlyRead } from '@/utils/early-read';
import { CONTENT_MATCHES } from '@/utils/site/hosts';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  main() {
    startEarlyRead();
  },
});
