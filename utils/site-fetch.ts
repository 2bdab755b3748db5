// One request to the site, as every fetch of the extension makes it: without cookies, given up after a timeout, the
// body read only up to a size, only from the site itself (a redirect elsewhere is refused), and every way it can fail
// named. Related documents and saved copies read a page's text from it, the PDF page a PDF's bytes.

export type FailReason = 'notFound' | 'timeout' | 'offline' | 'notKamervraag' | 'tooLarge' | 'error';

export type Fetched = { state: 'fetched'; body: Blob } | { state: 'failed'; reason: FailReason };

export interface SiteRequest {
  /** The site's origin the answer must come from (the page's own: www. or zoek., or a test server's) */
  origin: string;
  /** The content types read; any other is `notKamervraag` (not a document of the site) */
  type: RegExp;
  timeoutMs: number;
  maxBytes: number;
}

const failed = (reason: FailReason) => ({ state: 'failed', reason }) as const;

/** The body, or null when it is larger than `max` bytes (reading stops there, whatever the headers said). */
async function readBody(res: Response, max: number): Promise<Blob | null> {
  if (Number(res.headers.get('content-length')) > max) return null;
  const chunks: BlobPart[] = [];
  let size = 0;
  for (const reader = res.body?.getReader(); reader; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks);
}

/** The body of `url`, or why not. Never throws. */
export async function fetchFromSite(url: string, request: SiteRequest): Promise<Fetched> {
  // A timer of its own: the static timeout signal aborts with another error in Chromium before 124.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  try {
    const res = await fetch(url, { signal: abort.signal, credentials: 'omit' });
    if (res.status === 404 || res.status === 410) return failed('notFound');
    if (!res.ok) return failed('error');
    // Followed a redirect off the site, or not what was asked for: not a document of the site.
    if (new URL(res.url || url).origin !== request.origin) return failed('notKamervraag');
    if (!request.type.test(res.headers.get('content-type') ?? '')) return failed('notKamervraag');
    const body = await readBody(res, request.maxBytes);
    return body === null ? failed('tooLarge') : { state: 'fetched', body };
  } catch {
    if (abort.signal.aborted) return failed('timeout');
    return failed(navigator.onLine === false ? 'offline' : 'error');
  } finally {
    clearTimeout(timer);
  }
}
