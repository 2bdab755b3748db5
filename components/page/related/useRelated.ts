// Re-renders a component whenever the page's related documents change state.

import { useLayoutEffect, useState } from 'preact/hooks';
import type { RelatedLoader } from '../../../utils/related/loader';

export function useRelated(loader: RelatedLoader): void {
  const [, update] = useState(0);
  const rendered = loader.version();
  useLayoutEffect(() => {
    const unsubscribe = loader.subscribe(() => update((v) => v + 1));
    // A change between this render and the subscription (facts from the cache arrive that fast) is not missed.
    if (loader.version() !== rendered) update((v) => v + 1);
    return unsubscribe;
    // Subscribed once per loader: `rendered` is what the first render saw.
  }, [loader]);
}
