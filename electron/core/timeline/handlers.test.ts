import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import { openVaultDb } from '../../../tests/support/raw-db';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { participantEvents } from './participant-events';
import { participantTimeline, type TimelineSource } from './timeline';

const vaults: StaffedVault[] = [];
async function staffed(): Promise<StaffedVault> {
  const v = await staffedVault();
  vaults.push(v);
  return v;
}
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MINUTE = 60_000;
const UNKNOWN = '0123456789abcdef0123456789abcdef';

/** A timeline item with only what a test cares about spelled out. */
function item(fields: Pick<TimelineItem, 'kind' | 'id' | 'at'> & Partial<TimelineItem>): TimelineItem {
  return { byName: null, label: fields.kind, text: null, ...fields };
}

describe("a participant's timeline", () => {
  it('shows when the file was made and each status change with the new status, newest first, with who did it', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    v.t.clock.advance(MINUTE);
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'active' });
    v.t.clock.advance(MINUTE);
    await v.as('coordinator');
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'completed' });

    const { items } = await v.t.ok('timeline.participant', { participantId: participant.id });
    expect(items).toEqual([
      item({
        kind: 'status_changed',
        id: participant.id,
        at: '2026-11-28T09:02:00.000Z',
        byName: 'Aino Koordinaattori',
        label: 'completed',
      }),
      item({
        kind: 'status_changed',
        id: participant.id,
        at: '2026-11-28T09:01:00.000Z',
        byName: 'Kalle Ohjaaja',
        label: 'active',
      }),
      item({ kind: 'participant_created', id: participant.id, at: '2026-11-28T09:00:00.000Z', byName: 'Kalle Ohjaaja' }),
    ]);
  });

  it('leaves out refused status changes and the events of other participants', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    const other = await v.t.ok('participants.create', { firstName: 'Amal' });
    await v.t.ok('participants.setStatus', { id: other.participant.id, status: 'active' });
    expect(await v.t.call('participants.setStatus', { id: participant.id, status: 'completed' })).toMatchObject({
      code: 'invalid_transition',
    });
    await v.as('teacher');
    expect(await v.t.call('participants.setStatus', { id: participant.id, status: 'active' })).toMatchObject({
      code: 'forbidden',
    });
    await v.as('caseworker');

    const { items } = await v.t.ok('timeline.participant', { participantId: participant.id });
    expect(items.map((i) => i.kind)).toEqual(['participant_created']);
  });

  it('is read by every role that reads whole files, and refused to a teacher, who sees only the limited view', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    for (const role of ['coordinator', 'psychologist', 'caseworker'] as const) {
      await v.as(role);
      const { items } = await v.t.ok('timeline.participant', { participantId: participant.id });
      expect(
        items.map((i) => i.kind),
        role,
      ).toEqual(['participant_created']);
    }
    await v.as('teacher');
    expect(await v.t.call('timeline.participant', { participantId: participant.id })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('answers not_found for an unknown participant and for one who has been deleted', async () => {
    const v = await staffed();
    expect(await v.t.call('timeline.participant', { participantId: UNKNOWN })).toMatchObject({ code: 'not_found' });
    await v.as('coordinator');
    const { participant } = await v.t.ok('participants.create', LEILA);
    await v.t.ok('participants.delete', { id: participant.id, confirmPseudonym: participant.pseudonym });
    expect(await v.t.call('timeline.participant', { participantId: participant.id })).toMatchObject({
      code: 'not_found',
    });
  });

  it('is read without adding to the audit log and holds no field contents of the file', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    await v.as('coordinator');
    const before = await v.t.ok('audit.list', {});
    const { items } = await v.t.ok('timeline.participant', { participantId: participant.id });
    const after = await v.t.ok('audit.list', {});
    expect(after.entries.length).toBe(before.entries.length);
    expect(JSON.stringify(items)).not.toMatch(/Leila|Marker/);
  });
});

describe('merging the domains into one timeline', () => {
  it('joins every source, newest first; a bare date counts as older than the timed events of its day', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    const db = await openVaultDb(v.t);
    try {
      const notes: TimelineSource = () => [
        item({ kind: 'note', id: 'n1', at: '2026-11-27', label: 'phone_call', text: 'Called about the course' }),
        item({ kind: 'note', id: 'n2', at: '2026-11-28' }),
      ];
      const consents: TimelineSource = () => [
        item({ kind: 'consent_given', id: 'c1', at: '2026-11-28T08:30:00.000Z', label: 'processing' }),
        item({ kind: 'consent_withdrawn', id: 'c2', at: '2026-11-29T10:00:00.000Z', label: 'photos' }),
      ];
      const ids = participantTimeline(db, participant.id, 'caseworker', [participantEvents, notes, consents]).map(
        (i) => `${i.kind}:${i.id}`,
      );
      expect(ids).toEqual([
        'consent_withdrawn:c2',
        `participant_created:${participant.id}`,
        'consent_given:c1',
        'note:n2',
        'note:n1',
      ]);
    } finally {
      db.close();
    }
  });

  it("asks each domain with the participant's id and the reader's role, so each domain decides what the role sees", async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    const db = await openVaultDb(v.t);
    try {
      const asked: [string, Role][] = [];
      const psychosocial: TimelineSource = (_db, participantId, role) => {
        asked.push([participantId, role]);
        return role === 'psychologist' ? [item({ kind: 'psychosocial', id: 'p1', at: '2026-11-28' })] : [];
      };
      expect(participantTimeline(db, participant.id, 'caseworker', [psychosocial])).toEqual([]);
      expect(participantTimeline(db, participant.id, 'psychologist', [psychosocial])).toHaveLength(1);
      expect(asked).toEqual([
        [participant.id, 'caseworker'],
        [participant.id, 'psychologist'],
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps one fixed order for items at the same moment, whatever order the domains answer in', async () => {
    const v = await staffed();
    const { participant } = await v.t.ok('participants.create', LEILA);
    const db = await openVaultDb(v.t);
    try {
      const at = '2026-11-28T12:00:00.000Z';
      const a: TimelineSource = () => [item({ kind: 'flag_set', id: 'f2', at }), item({ kind: 'note', id: 'n1', at })];
      const b: TimelineSource = () => [item({ kind: 'flag_set', id: 'f1', at })];
      const order = (sources: TimelineSource[]) =>
        participantTimeline(db, participant.id, 'caseworker', sources).map((i) => i.id);
      expect(order([a, b])).toEqual(['n1', 'f1', 'f2']);
      expect(order([b, a])).toEqual(['n1', 'f1', 'f2']);
    } finally {
      db.close();
    }
  });
});
