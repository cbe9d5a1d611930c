/**
 * Serves the built console (console/dist, made by `npm run build -w console`; `npm start` builds it) at
 * /console. Paths without a known file extension get index.html (the console routes in the browser). Every answer
 * carries a Content-Security-Policy without inline scripts: the build emits only files, and the console's
 * code loads nothing from elsewhere.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteHandler } from '../../platform/http/server.js';

export const CONSOLE_PATH = '/console';

export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React and ECharts set element styles from script (CSSOM), which style-src does not govern; no inline <style>.
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** console/dist, found from this file whether it runs from src/ (tsx, tests) or dist/src/ (npm start). */
export function findConsoleDist(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'console', 'dist');
    if (existsSync(path.join(dir, 'console', 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function createConsoleHandler(dist = findConsoleDist()): RouteHandler {
  const headers = {
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...headers });
      return void res.end();
    }
    const url = (req.url ?? '/').split('?')[0]!;
    let rel: string;
    try {
      rel = decodeURIComponent(url.slice(CONSOLE_PATH.length)).replace(/^\/+/, '');
    } catch {
      rel = '';
    }
    // Files have a known extension (a route's last part can hold a dot, e.g. an instant); every other path is
    // a client-side route and gets the page. Files come from dist only, never from above it.
    const ext = TYPES[path.extname(rel)] ? path.extname(rel) : '';
    const file = dist && path.resolve(dist, ext ? rel : 'index.html');
    if (!dist || !file!.startsWith(path.resolve(dist) + path.sep)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      return void res.end('not found');
    }
    let body: Buffer;
    try {
      body = await readFile(file!);
    } catch {
      const missing = !ext;
      res.writeHead(missing ? 503 : 404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      return void res.end(missing ? 'The console is not built: run `npm run build -w console`.' : 'not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file!)] ?? 'application/octet-stream',
      'content-length': body.length,
      // Built assets have content hashes in their names; the page itself is always revalidated.
      'cache-control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
