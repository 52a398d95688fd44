/**
 * A lock leaves nothing of a participant's file in the page's memory. The renderer keeps what it has read in one
 * query client per unlocked session; the lock drops that client with every screen. The spec opens a file whose
 * names are planted markers, finds the markers and the file's id in a heap snapshot of the page (so the search is
 * shown to work), locks, and finds them in none taken after a forced garbage collection.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';
import { lock, openFile } from './case-flows';
import { expectCleanRun, invokeMain, setUpLockedVault, unlock } from './flows';
import { uniqueMarker } from './leak-scan';

const LOCALE = 'en';
const PERSON = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };

test.use({ appOptions: { locale: LOCALE } });

async function createParticipant(app: E2EApp, firstName: string, lastName: string): Promise<{ id: string; pseudonym: string }> {
  const result = (await invokeMain(app, 'participants.create', { firstName, lastName, confirmDuplicate: true })) as {
    ok: boolean;
    value?: { participant: { id: string; pseudonym: string } };
  };
  if (!result.ok || !result.value) throw new Error('participants.create failed.');
  return result.value.participant;
}

/** The page's whole JavaScript heap (every world of it) as the snapshot text, after a full garbage collection. */
async function heapText(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  return chunks.join('');
}

/** Which of the markers the page's heap still holds. */
async function markersInHeap(cdp: CDPSession, markers: readonly string[]): Promise<string[]> {
  const heap = await heapText(cdp);
  return markers.filter((marker) => heap.includes(marker));
}

async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return cdp;
}

test("a lock leaves nothing of the open participant's file in the page's memory", async ({ app }) => {
  const { page } = app;
  await setUpLockedVault(app, LOCALE, PERSON);
  await unlock(page, LOCALE, PERSON.passphrase);
  const firstName = uniqueMarker('Etunimi');
  const lastName = uniqueMarker('Sukunimi');
  const markers = [firstName, lastName];
  const { id, pseudonym } = await createParticipant(app, firstName, lastName);

  await openFile(page, LOCALE, pseudonym);
  await expect(page.getByRole('tablist')).toBeVisible();
  const cdp = await openCdp(page);
  // The file is in memory while it is open: the search finds what it looks for.
  expect(await markersInHeap(cdp, [...markers, id])).toEqual([...markers, id]);

  await lock(page, LOCALE);
  await screen(page, 'unlock');
  // Not even the file's id: where the user was is kept by the main side only, for the unlock to come back to.
  expect(await markersInHeap(cdp, [...markers, id])).toEqual([]);
  await cdp.detach();
  expectCleanRun(app);
});
