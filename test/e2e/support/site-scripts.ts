// A Kamervragen page with scripts of the site's own (as the site may have: ready handlers, an embedded video, a script
// that edits the page), to check that the extension never disturbs them. Built from the sample fixture; the inline
// script, the iframe and its page are synthetic (written for this test).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_ID } from './extension';
import { FIXTURES_DIR } from './paths';

export const SITE_SCRIPTS_ID = 'ah-tk-20232024-99981';

/** What the page's own scripts noted (window.__site in the page's world). */
export interface SiteNotes {
  /** Loads of the embedded frame's page */
  loads: number;
  /** Loads of the frame that stands alone in its paragraph (no text beside it) */
  aloneLoads: number;
  /** What the site's DOMContentLoaded handler on the document saw */
  ready: { view: boolean; vragen: number; hiddenRoot: boolean; body: number } | null;
}

const HEAD_SCRIPT = `<script>
window.__site = { loads: 0, aloneLoads: 0, ready: null };
document.addEventListener('DOMContentLoaded', function () {
  var root = document.querySelector('div.stuk');
  window.__site.ready = {
    view: document.querySelector('[data-kvl-view]') !== null,
    vragen: document.querySelectorAll('div.stuk > div.vraag').length,
    hiddenRoot: root.hasAttribute('hidden'),
    body: document.body.outerHTML.length
  };
});
</script>`;

/** Writes the page and the frame's page; returns [route, file] pairs for the fixture server. */
export function siteScriptsFiles(): [string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'kvl-site-'));
  let html = readFileSync(join(FIXTURES_DIR, 'cases', `html-${SAMPLE_ID}`, 'source.html'), 'utf8');
  html = html.replace(`content="${SAMPLE_ID}"`, `content="${SITE_SCRIPTS_ID}"`);
  html = html.replace('</head>', `${HEAD_SCRIPT}\n</head>`);
  // An embedded frame in the first answer, and a paragraph with an id in the second that the site will remove.
  html = html.replace(
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 1</h2>',
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 1</h2>\n<p>Zie de uitzending: <iframe id="site-frame" src="/site-frame.html" title="Uitzending" width="320" height="60"></iframe></p>',
  );
  // Content without text beside it: a frame alone in its paragraph (answer 3), an image alone in its paragraph and a
  // drawing loose in the container (question 4).
  html = html.replace(
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 3</h2>',
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 3</h2>\n<p><iframe id="site-frame-alone" src="/site-frame-alone.html" title="Grafiek" width="320" height="60"></iframe></p>',
  );
  html = html.replace(
    '<div class="vraag"><h2 class="stuktitel">Vraag 4</h2>',
    '<div class="vraag"><h2 class="stuktitel">Vraag 4</h2>\n<p><img id="site-image" alt="" width="20" height="20" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>\n<svg id="site-drawing" width="20" height="20"><circle cx="10" cy="10" r="5"></circle></svg>',
  );
  html = html.replace(
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 2</h2>',
    '<div class="antwoord"><h2 class="stuktitel">Antwoord 2</h2>\n<p id="site-removable">Deze alinea haalt het script van de site weg.</p>',
  );
  const page = join(dir, `${SITE_SCRIPTS_ID}.html`);
  writeFileSync(page, html);
  const frame = join(dir, 'site-frame.html');
  writeFileSync(
    frame,
    '<!doctype html><meta charset="utf-8"><p>Uitzending</p><script>parent.__site.loads++;</script>\n',
  );
  const alone = join(dir, 'site-frame-alone.html');
  writeFileSync(
    alone,
    '<!doctype html><meta charset="utf-8"><p>Grafiek</p><script>parent.__site.aloneLoads++;</script>\n',
  );
  return [
    [`/${SITE_SCRIPTS_ID}.html`, page],
    ['/site-frame.html', frame],
    ['/site-frame-alone.html', alone],
  ];
}
