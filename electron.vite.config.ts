import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'shared') };
/** Where builds go; POLKU_OUT_DIR lets several checks of one checkout build side by side. */
const out = resolve(__dirname, process.env.POLKU_OUT_DIR ?? 'out');

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'main'),
      externalizeDeps: true,
      rollupOptions: {
        // The job worker (backup, restore) is its own entry, found at runtime beside index.js.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'jobs-worker': resolve(__dirname, 'electron/core/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'preload'),
      // A sandboxed preload must be a single CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(out, 'renderer'),
      minify: true,
      emptyOutDir: true,
      // No inline module preload polyfill: the CSP forbids inline script.
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
