// Several devices in unit tests: each its own storage.local contents over one fakeBrowser, the sync area shared.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetForTests } from '../../utils/reading-list/store';

/** `use(d)` makes device `d` the current one (its storage.local in place, the list's caches reset). */
export function devicesOnStorage(n: number): (d: number) => Promise<void> {
  const locals: Record<string, unknown>[] = Array.from({ length: n }, () => ({ syncEnabled: true }));
  let current = -1;
  return async function use(d: number): Promise<void> {
    if (d === current) return;
    if (current >= 0) locals[current] = await fakeBrowser.storage.local.get(null);
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set(locals[d]);
    resetForTests();
    current = d;
  };
}
