// Finding a browser to drive: an environment variable, else fixed paths, else names on PATH. Used by chromium.ts and
// firefox.ts, which say where to look for their browser.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface BrowserLookup {
  /** e.g. CHROMIUM_PATH: when set it must be an executable (a wrong path is an error, not a fallback) */
  envVar: string;
  /** Absolute paths tried first */
  candidates: readonly string[];
  /** Then these names in every PATH directory */
  pathNames: readonly string[];
  /** Said when there is none */
  help: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executable to use, or null when there is none. */
export function findExecutable(lookup: BrowserLookup, env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env[lookup.envVar];
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`${lookup.envVar}=${explicit} is not an executable file.`);
    return explicit;
  }
  for (const file of lookup.candidates) if (isExecutable(file)) return file;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of lookup.pathNames) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** Like findExecutable, but throws with instructions when there is none. */
export function requireExecutable(lookup: BrowserLookup, env: NodeJS.ProcessEnv = process.env): string {
  const found = findExecutable(lookup, env);
  if (!found) throw new Error(lookup.help);
  return found;
}
