// A page of the site in the unit tests' document (happy-dom), at the site's address, and the page as the site
// delivered it, without what the extension adds outside the body.

/** Puts `source` in the test's document at the site's address of `id` (+ `hash`); returns <html> as delivered. */
export function loadSitePage(source: string, id: string, hash = ''): string {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `https://zoek.officielebekendmakingen.nl/${id}.html${hash}`,
  );
  // (without its style sheet links: happy-dom does not load them, and says so)
  const parsed = new DOMParser().parseFromString(source.replace(/<link [^>]*>/g, ''), 'text/html');
  const html = document.documentElement;
  for (const a of Array.from(html.attributes)) html.removeAttribute(a.name);
  for (const a of Array.from(parsed.documentElement.attributes)) html.setAttribute(a.name, a.value);
  html.innerHTML = parsed.documentElement.innerHTML;
  return html.outerHTML;
}

/** The page without what the extension adds outside the body: its attributes on <html> and the notice. */
export function sitePart(): string {
  const html = document.documentElement.cloneNode(true) as HTMLElement;
  for (const a of Array.from(html.attributes))
    if (a.name.startsWith('data-kvl')) html.removeAttribute(a.name);
  html.querySelector('kvl-floating')?.remove();
  return html.outerHTML;
}
