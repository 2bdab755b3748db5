// Messages between the extension's pages (popup) and the content script, with their shapes.
import { browser } from '#imports';
import type { DocumentKind } from './kamervraag/model';

const STATUS_REQUEST = { type: 'kvl:status' } as const;

/** What the content script found on its page. */
export interface KvlStatus {
  id: string;
  kind: DocumentKind;
  pairs: number;
  subject: string | null;
}

export function isStatusRequest(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === STATUS_REQUEST.type
  );
}

function isStatus(value: unknown): value is KvlStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.kind === 'string' && typeof v.pairs === 'number';
}

/** Asks the content script in a tab; null when there is none (not a Kamervragen page, or a page we do not run on). */
export async function requestStatus(tabId: number): Promise<KvlStatus | null> {
  try {
    const response: unknown = await browser.tabs.sendMessage(tabId, STATUS_REQUEST);
    return isStatus(response) ? response : null;
  } catch {
    // "Could not establish connection. Receiving end does not exist.": no listener in that tab.
    return null;
  }
}

/** A tab fetched a related document's facts: the background keeps them in the cache (utils/related/cache.ts). */
const RELATED_FACTS = 'kvl:related-facts';

export function relatedFactsMessage(facts: unknown): { type: typeof RELATED_FACTS; facts: unknown } {
  return { type: RELATED_FACTS, facts };
}

/** The facts a message carries, when it is a RELATED_FACTS message (checked by the receiver: isRelatedFacts). */
export function factsOfMessage(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as { type?: unknown; facts?: unknown };
  return m.type === RELATED_FACTS ? m.facts : undefined;
}
