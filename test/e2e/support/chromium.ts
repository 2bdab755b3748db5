// Finds the Chromium to drive: $CHROMIUM_PATH, else a system chromium/chrome. The one place that knows where to look.
import { type BrowserLookup, findExecutable, requireExecutable } from './executables';

export const CHROMIUM_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome executable.';

const CHROMIUM: BrowserLookup = {
  envVar: 'CHROMIUM_PATH',
  candidates: ['/usr/bin/chromium'],
  pathNames: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  help: CHROMIUM_HELP,
};

/** The executable to use, or null when there is none. A CHROMIUM_PATH that does not exist is an error. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env) => findExecutable(CHROMIUM, env);

/** Like findChromium, but throws with instructions when there is none. */
export const requireChromium = (env: NodeJS.ProcessEnv = process.env) => requireExecutable(CHROMIUM, env);
