// The site's hosts: where the content scripts run (a module of its own, so that the early script carries nothing else).

export const SITE_ORIGIN = 'https://zoek.officielebekendmakingen.nl';
export const SITE_HOSTS = ['zoek.officielebekendmakingen.nl', 'www.officielebekendmakingen.nl'] as const;

/**
 * Match patterns of the content scripts: only the site's Kamervragen documents, whose address holds their id
 * (`/ah-tk-20232024-1064.html`, `/ah-tk-20232024-1064`, `…?zoekcriteria=…`, `/kv-tk-2024Z01234.html`, `/ah-1271549`,
 * and the same one folder down). Every other page of the site (home, search, results, kst-, stcrt-, gmb-, …) gets
 * no script at all; within a matched page the meta tags and the text still decide (utils/site/detect.ts).
 * Match patterns have no character classes: `ah-`/`kv-` at the start of a path segment is as close as they get
 * (the path pattern is matched against the path and query; `?q=ah-…` has no `/ah-`).
 *
 * https only: all the site serves (the end-to-end tests' server serves over https too).
 */
export const CONTENT_MATCHES = SITE_HOSTS.flatMap((host) =>
  ['/ah-*', '/kv-*', '/*/ah-*', '/*/kv-*'].map((path) => `https://${host}${path}`),
);

/** Host permissions: the site's pages (https only), for the related documents' fetches and the watched questions. */
export const HOST_PERMISSIONS = /* @__PURE__ */ SITE_HOSTS.map((host) => `https://${host}/*`);

/** Links to PDFs on the site (the context menu's "open in reading view"): any path ending in `.pdf`. */
export const PDF_LINK_PATTERNS = /* @__PURE__ */ SITE_HOSTS.map((host) => `https://${host}/*.pdf`);
