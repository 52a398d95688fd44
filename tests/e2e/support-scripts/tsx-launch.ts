/**
 * Started by harness.spec.ts under tsx, as a developer's own script would drive the harness: launches the app,
 * reports what the page received from the bridge, and closes. tsx compiles with esbuild's keepNames, which once
 * left the page's bridge script calling an undefined `__name`.
 */
import { rmSync } from 'node:fs';
import { launchApp } from '../../../scripts/browser-app/harness';

const app = await launchApp({ kdfCost: 'test' });
try {
  const bridge = await app.page.evaluate('JSON.stringify({ invoke: typeof window.polku?.invoke, on: typeof window.polku?.on })');
  const status = await app.page.evaluate("window.polku.invoke('vault.status', {}).then((r) => r.ok && r.value.state)");
  process.stdout.write(`${JSON.stringify({ bridge: JSON.parse(String(bridge)), status, errors: app.consoleErrors })}\n`);
} finally {
  await app.close();
  rmSync(app.profileDir, { recursive: true, force: true });
  if (app.ownsDataDir) rmSync(app.dataDir, { recursive: true, force: true });
}
