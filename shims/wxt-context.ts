// Stands in for WXT's ContentScriptContext in the built content scripts (aliased in wxt.config.ts).
//
// WXT's wrapper constructs one before calling main(ctx). Its constructor announces the script to the page on every
// page of the site: a CustomEvent on `document` and a `window.postMessage(…, '*')` that the page's own scripts can
// listen to (a sign that the extension is installed), so that a newer copy of the script can stop an older one. This
// content script uses none of it (main() takes no ctx; a second injection is a no-op through <html data-kvl>), and
// the class with its location watcher is about 1.2 KB gzipped of a script loaded on every page of the site.

/** WXT's wrapper calls `new ContentScriptContext(name, options)` and hands the result to main(), which ignores it. */
export class ContentScriptContext {}
