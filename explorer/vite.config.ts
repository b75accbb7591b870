import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The explorer is built into dist/explorer, which the API serves at /; every asset is bundled, none fetched
// from elsewhere, so the page works on a closed network.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  logLevel: 'warn',
});
