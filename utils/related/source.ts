// The real source of related facts for a page of the site: the shared cache, the site itself, the background.

import { browser } from '#imports';
import { relatedFactsMessage } from '../messages';
import { warn } from '../warn';
import { readCached } from './cache';
import { fetchFacts } from './fetch';
import type { RelatedSource } from './loader';

/** Related documents of a page at `origin` (the page's own: they are fetched from the same site). */
export function siteSource(origin: string): RelatedSource {
  return {
    readCached: (ids) => readCached(ids),
    fetchFacts: (id, slot) => fetchFacts(id, origin, { slot }),
    remember: (facts) => {
      browser.runtime.sendMessage(relatedFactsMessage(facts)).catch(warn);
    },
  };
}
