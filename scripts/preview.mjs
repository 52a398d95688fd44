// `npm run preview`: a development aid, not the application. The app's screens in a local Chromium window over
// the browser harness (scripts/browser-app/), for machines without the Electron runtime. Its data folder is a new
// temporary one, removed when the window closes, unless `--data-dir=<folder>` (or POLKU_DATA_DIR) names one.
//
// The harness is TypeScript with the @shared path alias, and Node 20 cannot run TypeScript. So this script
// bundles scripts/browser-app/preview-app.ts (with the harness and the core it imports) into out/preview/ with
// Vite's SSR build, from node_modules: packages stay external (playwright-core, the native database module, zod),
// only our own sources are bundled. That takes about a second and needs no loader flags, so it runs the same
// on Node 20 and 22+.
//
// The renderer is rebuilt with `electron-vite build` only when the build is missing or older than any source
// file the app is built from (scripts/build-freshness.mjs); the harness bundle is rebuilt every time (it is small).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleBuildReason } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`npm run preview: ${message}`);
  process.exit(1);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('there is no display (DISPLAY is not set), so no window can open. Run it in a desktop session, or under xvfb-run.');
}

if (staleBuildReason(root) !== null) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('the build failed (see above).');
}

const { build } = await import('vite');
const outDir = join(root, 'out', 'preview');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': join(root, 'shared') } },
  build: {
    ssr: join(root, 'scripts', 'browser-app', 'preview-app.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'preview-app.mjs' } },
  },
});

const { runPreview } = await import(pathToFileURL(join(outDir, 'preview-app.mjs')).href);
try {
  await runPreview(process.argv.slice(2), process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.exit(0);
