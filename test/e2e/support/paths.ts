// Absolute paths of the repository, its fixtures and its build output, for tests and scripts.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES_DIR = resolve(REPO_ROOT, 'test', 'fixtures');
export const CHROME_BUILD_DIR = resolve(REPO_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD_DIR = resolve(REPO_ROOT, '.output', 'firefox-mv2');
