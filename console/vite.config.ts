/**
 * The console's build: served by the hub at /console (base), one entry; ECharts is imported dynamically
 * (charts.ts), so it is a separate chunk loaded only on pages with a chart. The manifest lets
 * scripts/bundle-size.mjs measure the initial JavaScript (the entry and what it imports statically).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // The hub's CSP has no inline scripts: never inline the module-preload polyfill.
    modulePreload: { polyfill: false },
    // The lazily loaded ECharts chunk is ~600 KB raw (180 KB gzipped); the initial budget is checked by
    // scripts/bundle-size.mjs, so Vite's generic warning is only noise.
    chunkSizeWarningLimit: 700,
  },
});
