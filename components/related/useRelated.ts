// Re-renders a component whenever the page's related documents change state.

import { useEffect, useState } from 'preact/hooks';
import type { RelatedLoader } from '../../utils/related/loader';

export function useRelated(loader: RelatedLoader): void {
  const [, setVersion] = useState(0);
  useEffect(() => loader.subscribe(() => setVersion((v) => v + 1)), [loader]);
}
