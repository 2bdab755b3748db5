// Every web platform and extension feature the shipped code uses works on the declared minimum versions
// (utils/browsers.ts), by MDN's browser-compat-data: a feature newer than them must not be used without a fallback.
// Each row names how the code spells the feature and where MDN keeps its data; a use of a newer one fails here with
// what to do. The built manifests declare the same versions.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMUM_VERSIONS } from '../../utils/browsers';
import config from '../../wxt.config';

const ROOT = join(import.meta.dirname, '..', '..');
// Read by Node itself: through Vite's module transform the 15 MB of data took over 30 s to import.
const bcd: unknown = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@mdn/browser-compat-data'), 'utf8'),
);
/** What ships in the extension */
const SHIPPED = ['entrypoints', 'components', 'utils', 'shims'];

interface Feature {
  /** MDN browser-compat-data path */
  path: string;
  /** How the code spells it */
  pattern: RegExp;
  /** Where to look: script or style sheets */
  in: 'script' | 'style';
  /**
   * For a feature newer than a declared minimum: the only modules that may use it, each behind a feature check with
   * a fallback that has a unit test of its own (named here).
   */
  detected?: { module: string; test: string }[];
}

const FEATURES: Feature[] = [
  // Used now
  { path: 'api.ResizeObserver', pattern: /\bResizeObserver\b/, in: 'script' },
  { path: 'api.MutationObserver', pattern: /\bMutationObserver\b/, in: 'script' },
  { path: 'api.MessageChannel', pattern: /\bMessageChannel\b/, in: 'script' },
  { path: 'api.Element.attachShadow', pattern: /\.attachShadow\(/, in: 'script' },
  { path: 'api.Navigator.clipboard', pattern: /navigator\.clipboard/, in: 'script' },
  { path: 'api.Element.scrollIntoView.options_parameter', pattern: /scrollIntoView\(\{/, in: 'script' },
  { path: 'api.HTMLElement.focus.options_preventScroll_parameter', pattern: /preventScroll/, in: 'script' },
  {
    path: 'api.EventTarget.addEventListener.options_parameter.options_signal_parameter',
    pattern: /\{\s*signal\b/,
    in: 'script',
  },
  { path: 'api.queueMicrotask', pattern: /\bqueueMicrotask\(/, in: 'script' },
  { path: 'javascript.builtins.Intl.DateTimeFormat', pattern: /Intl\.DateTimeFormat/, in: 'script' },
  { path: 'javascript.builtins.String.toWellFormed', pattern: /\.toWellFormed\(/, in: 'script' },
  { path: 'webextensions.api.action', pattern: /\.action\./, in: 'script' },
  { path: 'webextensions.api.menus', pattern: /\bcontextMenus\b/, in: 'script' },
  { path: 'webextensions.api.commands', pattern: /\.commands\./, in: 'script' },
  { path: 'webextensions.api.storage.sync', pattern: /storage\.sync|'sync'/, in: 'script' },
  { path: 'css.properties.content-visibility', pattern: /content-visibility:/, in: 'style' },
  { path: 'css.properties.contain-intrinsic-size', pattern: /contain-intrinsic-size:/, in: 'style' },
  { path: 'css.properties.overflow-anchor', pattern: /overflow-anchor:/, in: 'style' },
  { path: 'css.selectors.focus-visible', pattern: /:focus-visible/, in: 'style' },
  { path: 'css.types.global_keywords.revert', pattern: /:\s*revert\b/, in: 'style' },
  { path: 'css.at-rules.media.prefers-color-scheme', pattern: /prefers-color-scheme/, in: 'style' },
  // Newer ones readers' browsers may lack: used only behind a feature check, never plainly
  {
    path: 'api.Element.moveBefore',
    pattern: /\.moveBefore\b/,
    in: 'script',
    detected: [{ module: 'utils/reading-view/moves.ts', test: 'test/unit/moves.test.ts' }],
  },
  { path: 'api.Element.checkVisibility', pattern: /\.checkVisibility\(/, in: 'script' },
  { path: 'api.Element.beforematch_event', pattern: /beforematch/, in: 'script' },
  { path: 'html.global_attributes.hidden.until-found', pattern: /until-found/, in: 'script' },
  { path: 'api.Document.scrollend_event', pattern: /scrollend/, in: 'script' },
  { path: 'api.AbortSignal.any_static', pattern: /AbortSignal\.any\(/, in: 'script' },
  { path: 'api.AbortSignal.timeout_static', pattern: /AbortSignal\.timeout\(/, in: 'script' },
  { path: 'api.structuredClone', pattern: /\bstructuredClone\(/, in: 'script' },
  { path: 'javascript.builtins.Promise.withResolvers', pattern: /Promise\.withResolvers/, in: 'script' },
  { path: 'javascript.builtins.Object.groupBy', pattern: /Object\.groupBy/, in: 'script' },
  { path: 'javascript.builtins.Array.toSorted', pattern: /\.toSorted\(/, in: 'script' },
  { path: 'javascript.builtins.Set.union', pattern: /\.union\(/, in: 'script' },
  { path: 'javascript.builtins.Intl.Segmenter', pattern: /Intl\.Segmenter/, in: 'script' },
  { path: 'javascript.builtins.RegExp.unicodeSets', pattern: /\/[dgimsuy]*v[dgimsuy]*[,;)]/, in: 'script' },
  { path: 'webextensions.api.storage.session', pattern: /storage\.session/, in: 'script' },
  { path: 'css.selectors.has', pattern: /:has\(/, in: 'style' },
  { path: 'css.selectors.nesting', pattern: /^\s*&/m, in: 'style' },
  { path: 'css.at-rules.container', pattern: /@container/, in: 'style' },
  { path: 'css.types.color.color-mix', pattern: /color-mix\(/, in: 'style' },
  { path: 'css.types.color.light-dark', pattern: /light-dark\(/, in: 'style' },
  { path: 'css.properties.text-wrap', pattern: /text-wrap:/, in: 'style' },
];

type Support = { version_added: string | boolean | null; flags?: unknown[] };

/** The version from which a browser has the feature, null when it has not (or only behind a flag). */
function since(path: string, browser: 'chrome' | 'firefox'): number | null {
  let node: unknown = bcd;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const compat = (node as { __compat?: { support: Record<string, Support | Support[]> } } | undefined)
    ?.__compat;
  if (!compat) throw new Error(`browser-compat-data has no ${path}`);
  const entries = compat.support[browser];
  const first = Array.isArray(entries) ? entries[0] : entries;
  if (!first || first.flags || typeof first.version_added !== 'string') return null;
  const n = Number.parseFloat(first.version_added.replace(/^≤/, ''));
  return Number.isFinite(n) ? n : null;
}

function sources(): { file: string; kind: 'script' | 'style'; text: string }[] {
  const out: { file: string; kind: 'script' | 'style'; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(entry.name))
        out.push({ file: rel, kind: 'script', text: readFileSync(join(ROOT, rel), 'utf8') });
      else if (entry.name.endsWith('.css'))
        out.push({ file: rel, kind: 'style', text: readFileSync(join(ROOT, rel), 'utf8') });
    }
  };
  for (const dir of SHIPPED) walk(dir);
  // Style sheets written inside scripts (the floating controls' shadow root) count as style too.
  for (const s of out.filter((f) => f.kind === 'script' && /_CSS\s*=/.test(f.text)))
    out.push({ file: s.file, kind: 'style', text: s.text });
  return out;
}

describe('browser support', () => {
  const files = sources();

  it.each(FEATURES)('$path: not used, or available from the declared minimum versions', (feature) => {
    const users = files
      .filter((f) => f.kind === feature.in && feature.pattern.test(f.text))
      .map((f) => f.file);
    const chrome = since(feature.path, 'chrome');
    const firefox = since(feature.path, 'firefox');
    const fits =
      chrome !== null &&
      chrome <= MINIMUM_VERSIONS.chrome &&
      firefox !== null &&
      firefox <= MINIMUM_VERSIONS.firefox;
    if (fits) return;
    // Newer than a declared minimum: only behind a feature check with a fallback (tested), in the modules named.
    const allowed = (feature.detected ?? []).map((d) => d.module);
    expect(
      users.filter((u) => !allowed.includes(u)),
      `Chrome ${chrome ?? 'no'}, Firefox ${firefox ?? 'no'}`,
    ).toEqual([]);
    for (const d of feature.detected ?? []) {
      expect(readFileSync(join(ROOT, d.test), 'utf8'), `${d.test} tests the fallback`).toContain(
        feature.path.split('.').pop() as string,
      );
    }
  });

  it('finds the features that the code uses (the patterns still match how it spells them)', () => {
    const used = FEATURES.filter((f) => files.some((s) => s.kind === f.in && f.pattern.test(s.text))).map(
      (f) => f.path,
    );
    expect(used).toEqual(expect.arrayContaining(['api.ResizeObserver', 'css.properties.overflow-anchor']));
    expect(used).toContain('css.properties.content-visibility');
  });

  it('ships pdfjs-dist only as its legacy build: the modern one calls newer built-ins without a fallback', () => {
    // e.g. Map#getOrInsertComputed in pdf.mjs and its worker (and no polyfill there); the legacy build brings its own.
    const modern = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.mjs'), 'utf8');
    expect(modern).toContain('.getOrInsertComputed(');
    expect(since('javascript.builtins.Map.getOrInsertComputed', 'chrome')).toBeGreaterThan(
      MINIMUM_VERSIONS.chrome,
    );
    expect(since('javascript.builtins.Map.getOrInsertComputed', 'firefox')).toBeGreaterThan(
      MINIMUM_VERSIONS.firefox,
    );
    const users = files.filter((f) => /pdfjs-dist\/(?!legacy\/)/.test(f.text)).map((f) => f.file);
    expect(users).toEqual([]);
    expect(files.some((f) => f.text.includes('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'))).toBe(true);
  });

  it('declares the minimum versions in both manifests', async () => {
    const manifest = config.manifest as (env: { browser: string; manifestVersion: number }) => object;
    const chrome = (await manifest({ browser: 'chrome', manifestVersion: 3 })) as Record<string, unknown>;
    const firefox = (await manifest({ browser: 'firefox', manifestVersion: 2 })) as {
      browser_specific_settings: { gecko: { strict_min_version: string } };
    };
    expect(chrome.minimum_chrome_version).toBe('111');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});
