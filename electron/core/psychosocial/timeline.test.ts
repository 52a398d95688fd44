import { afterEach, describe, expect, it } from 'vitest';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { ENTRY, PRIVATE_MARKER, psychosocialVault, type PsychosocialVault } from './testing/vault';
import { psychosocialTimeline, SUMMARY_PREVIEW_LENGTH } from './timeline';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function setUp(): Promise<{ v: PsychosocialVault; db: Db }> {
  const v = await psychosocialVault();
  vaults.push(v);
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return { v, db };
}

describe('psychosocial entries on the timeline', () => {
  it('shows each meeting on its day with its kind, its author and the start of the summary, newest first', async () => {
    const { v, db } = await setUp();
    const group = (
      await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, kind: 'group', date: '2026-11-25' })
    ).entry;
    const bare = (
      await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, date: '2026-11-02', summary: null })
    ).entry;
    expect(psychosocialTimeline(db, v.participantId, 'caseworker')).toEqual([
      { kind: 'psychosocial', id: group.id, at: '2026-11-25', byName: 'Sara Psykologi', label: 'group', text: ENTRY.summary },
      { kind: 'psychosocial', id: bare.id, at: '2026-11-02', byName: 'Sara Psykologi', label: 'individual', text: null },
    ]);
  });

  it('cuts a long summary to one line at a word, with an ellipsis', async () => {
    const { v, db } = await setUp();
    const summary = `Ensimmäinen rivi.\n${'sana '.repeat(80)}`;
    await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, summary });
    const [item] = psychosocialTimeline(db, v.participantId, 'coordinator');
    expect(item?.text).toMatch(/^Ensimmäinen rivi\. sana sana .*sana…$/);
    expect(item?.text?.length).toBeLessThanOrEqual(SUMMARY_PREVIEW_LENGTH + 1);
  });

  it('never shows private notes, not even to psychologists, and shows nothing to teachers', async () => {
    const { v, db } = await setUp();
    await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY, summary: null });
    for (const role of ['psychologist', 'caseworker', 'coordinator'] as const) {
      const items = psychosocialTimeline(db, v.participantId, role);
      expect(items, role).toHaveLength(1);
      expect(JSON.stringify(items), role).not.toContain(PRIVATE_MARKER);
    }
    expect(psychosocialTimeline(db, v.participantId, 'teacher')).toEqual([]);
  });
});
