import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** Where `npm run build:explorer` (run by `npm start` and `npm test`) writes the explorer. */
export const EXPLORER_DIRECTORY = fileURLToPath(new URL('../../../dist/explorer', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The explorer page at `/` and its bundled assets under `/assets/`, all from the server itself: the page
 * fetches nothing from elsewhere, so it works on a closed network. Without a build it says how to make one.
 */
export function useExplorer({ directory = EXPLORER_DIRECTORY }: { directory?: string } = {}): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const file = url.pathname === '/' ? 'index.html' : url.pathname.startsWith('/assets/') ? normalize(url.pathname.slice(1)) : null;
      // normalize() resolves `..`: a path that then leaves assets/ is not ours to serve.
      if (file === null || (file !== 'index.html' && !file.startsWith('assets/'))) return;
      const content = await readFile(join(directory, file)).catch(() => null);
      if (content === null) {
        const missing = file === 'index.html' ? 'the explorer is not built: run `npm run build:explorer` (npm start does)' : `no asset ${url.pathname}`;
        return endResponse(new fetchAPI.Response(missing, { status: file === 'index.html' ? 503 : 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      }
      const cache = file === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable'; // asset names carry a content hash
      endResponse(new fetchAPI.Response(content, { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache } }));
    },
  };
}
