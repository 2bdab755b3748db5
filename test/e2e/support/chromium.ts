// Finds the Chromium to drive: $CHROMIUM_PATH, else a system chromium/chrome. The one place that knows where to look.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium'];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const CHROMIUM_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome executable.';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executable to use, or null when there is none. A CHROMIUM_PATH that does not exist is an error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  for (const file of CANDIDATES) if (isExecutable(file)) return file;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** Like findChromium, but throws with instructions when there is none. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (!found) throw new Error(CHROMIUM_HELP);
  return found;
}
