// Static server that answers the site's URLs from test/fixtures (used by the e2e tests and `npm start`), over https as
// the site does (a self-signed certificate for the site's host names, ./tls/), and as an http proxy for Firefox: a
// CONNECT to any host is tunnelled to the https server, a plain http request is answered by the same rules.
//   /<name>.html  → test/fixtures/cases/html-<name>/source.html, if that exists
//   /<file>       → test/fixtures/pages/<file>, else test/fixtures/related/<file> (a set of related answers), else
//                   test/fixtures/pdf/<file> (the documents' PDFs)
//   extra routes  → added with route(); they win over the rules above
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, type Server, type Socket } from 'node:net';
import { extname, join } from 'node:path';
import { FIXTURES_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
};

/** How pages arrive, as over a network: the first byte after a delay, then the body in chunks with gaps between. */
export interface Latency {
  firstByteMs: number;
  chunks: number;
  gapMs: number;
}

export interface FixtureServer {
  /** The https server's port (where the browsers' host rules send the site's hosts) */
  port: number;
  /** https://127.0.0.1:<port>: the same pages at an address where the content scripts do not run */
  origin: string;
  /** An http proxy that tunnels every CONNECT to the https server (Firefox's way to the site's hosts) */
  proxyPort: number;
  /** Serve `file` at `path` (e.g. '/ah-tk-20232024-1481.html'), replacing any earlier route for it. */
  route(path: string, file: string): void;
  /** Serve this HTML text at `path` (replacing any earlier route for it) */
  routeText(path: string, html: string): void;
  /** Never answer requests for `path` (a site that does not respond) */
  hang(path: string): void;
  /** Every path asked for so far, in order (GET and HEAD) */
  requests: string[];
  /** When each of `requests` arrived (Date.now()), same order */
  requestTimes: number[];
  /** From now on serve HTML pages as over a network (null: all at once, at once) */
  setLatency(latency: Latency | null): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `body` in `latency.chunks` parts, the first after firstByteMs, the others gapMs apart. */
async function sendSlowly(
  res: import('node:http').ServerResponse,
  head: Record<string, string | number>,
  body: Buffer,
  latency: Latency,
) {
  await wait(latency.firstByteMs);
  res.writeHead(200, head);
  const size = Math.ceil(body.length / latency.chunks);
  for (let i = 0; i < latency.chunks; i++) {
    if (i > 0) await wait(latency.gapMs);
    res.write(body.subarray(i * size, (i + 1) * size));
  }
  res.end();
}

/** The fixture file for a URL path, or null. Only plain file names: no directories, no dot-files. */
export function fixtureFileFor(pathname: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (!/^[\w][\w.-]*$/.test(name)) return null;
  const page = /^(.+)\.html$/.exec(name);
  if (page) {
    const source = join(FIXTURES_DIR, 'cases', `html-${page[1]}`, 'source.html');
    if (existsSync(source)) return source;
  }
  for (const dir of ['pages', 'related', 'pdf']) {
    const file = join(FIXTURES_DIR, dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

/** A list of the pages there are, so a person in `npm start` can click around. */
function indexPage(): string {
  const list = (dir: string, pick: (entry: string) => string | null) =>
    existsSync(dir)
      ? readdirSync(dir)
          .map(pick)
          .filter((x): x is string => x !== null)
          .sort()
      : [];
  const cases = list(join(FIXTURES_DIR, 'cases'), (d) =>
    d.startsWith('html-') && existsSync(join(FIXTURES_DIR, 'cases', d, 'source.html'))
      ? `${d.slice(5)}.html`
      : null,
  );
  const html = (f: string) => (f.endsWith('.html') ? f : null);
  const pages = [...list(join(FIXTURES_DIR, 'pages'), html), ...list(join(FIXTURES_DIR, 'related'), html)];
  const links = [...cases, ...pages].map((f) => `<li><a href="/${f}">${f}</a></li>`).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Fixtures</title><h1>Fixtures</h1><ul>\n${links}\n</ul>\n`;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  const texts = new Map<string, string>();
  const hanging = new Set<string>();
  const requests: string[] = [];
  const requestTimes: number[] = [];
  let latency: Latency | null = null;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    requests.push(pathname);
    requestTimes.push(Date.now());
    if (hanging.has(pathname)) return;
    const text = texts.get(pathname);
    if (text !== undefined) {
      const body = Buffer.from(text);
      const head = {
        'content-type': TYPES['.html'] ?? '',
        'content-length': body.length,
        'cache-control': 'no-store',
      };
      if (latency && req.method === 'GET') void sendSlowly(res, head, body, latency);
      else res.writeHead(200, head).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] ?? 'text/html' }).end(indexPage());
      return;
    }
    const file = routes.get(pathname) ?? fixtureFileFor(pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    const head = {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    };
    if (latency && req.method === 'GET' && extname(file).toLowerCase() === '.html') {
      void sendSlowly(res, head, body, latency);
      return;
    }
    res.writeHead(200, head);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const tls = join(import.meta.dirname, 'tls');
  const server = createHttpsServer(
    { key: readFileSync(join(tls, 'key.pem')), cert: readFileSync(join(tls, 'cert.pem')) },
    handle,
  );
  const port = await listen(server);
  const proxy = createServer(handle);
  const tunnels = new Set<Socket>();
  proxy.on('connect', (_req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => tunnels.delete(socket));
    }
  });
  const proxyPort = await listen(proxy);
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    proxyPort,
    route: (path, file) => {
      texts.delete(path);
      routes.set(path, file);
    },
    routeText: (path, html) => {
      routes.delete(path);
      texts.set(path, html);
    },
    hang: (path) => {
      hanging.add(path);
    },
    requests,
    requestTimes,
    setLatency: (value) => {
      latency = value;
    },
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      await Promise.all(
        [server, proxy].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}
