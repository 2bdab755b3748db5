// The browser as the extension's scripts find it in a unit test: WXT's fakeBrowser, reset, with what it leaves to the
// test (the manifest, the browser's language), and the extension's warnings kept for the test instead of printed.

import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Resets fakeBrowser and gives it a manifest named `name` (version 0.1.0) and the language nl. */
export function resetBrowser(name = 'kvl'): void {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name,
    version: '0.1.0',
  });
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
}

/** Keeps every console.warn (the extension's warn(): utils/warn.ts) in the list returned, until mocks are restored. */
export function catchWarnings(): unknown[][] {
  const warned: unknown[][] = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warned.push(args);
  });
  return warned;
}
