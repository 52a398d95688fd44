import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPANT_STATUSES, STATUS_TRANSITIONS, type ParticipantStatus } from '@shared/participants';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

let v: StaffedVault;
beforeAll(async () => {
  v = await staffedVault();
});
afterAll(() => v.t.cleanup());

const REASON = 'Moved to another town';
/** How a new (referred) participant reaches each status. */
const PATH_TO: Record<ParticipantStatus, ParticipantStatus[]> = {
  referred: [],
  active: ['active'],
  completed: ['active', 'completed'],
  discontinued: ['discontinued'],
  closed: ['closed'],
};

async function participantIn(status: ParticipantStatus): Promise<string> {
  const { participant } = await v.t.ok('participants.create', {});
  for (const step of PATH_TO[status]) {
    await v.t.ok('participants.setStatus', {
      id: participant.id,
      status: step,
      ...(step === 'discontinued' ? { reason: REASON } : {}),
    });
  }
  return participant.id;
}

describe('the status workflow', () => {
  for (const from of PARTICIPANT_STATUSES) {
    for (const to of PARTICIPANT_STATUSES) {
      const allowed = STATUS_TRANSITIONS[from].includes(to);
      it(`${allowed ? 'allows' : 'refuses'} ${from} -> ${to}`, async () => {
        const id = await participantIn(from);
        const result = await v.t.call('participants.setStatus', {
          id,
          status: to,
          ...(to === 'discontinued' ? { reason: REASON } : {}),
        });
        if (allowed) {
          expect(result).toMatchObject({ ok: true, value: { participant: { id, status: to } } });
        } else {
          expect(result).toMatchObject({ ok: false, code: 'invalid_transition', i18nKey: 'errors.invalid_transition' });
          expect(await v.t.ok('participants.get', { id })).toMatchObject({ view: 'full', participant: { status: from } });
        }
      });
    }
  }

  it('asks why a participant discontinued, keeps the reason when the file is closed, and audits each move', async () => {
    const { participant } = await v.t.ok('participants.create', {});
    const missing = await v.t.call('participants.setStatus', { id: participant.id, status: 'discontinued' });
    expect(missing).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'reason' }] } });
    expect(await v.t.call('participants.setStatus', { id: participant.id, status: 'active', reason: REASON })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'reason' }] },
    });
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'discontinued', reason: REASON });
    const closed = await v.t.ok('participants.setStatus', { id: participant.id, status: 'closed' });
    expect(closed.participant).toMatchObject({ status: 'closed', discontinuedReason: REASON });

    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'participants.setStatus', entityId: participant.id });
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(REASON);
    await v.as('caseworker');
  });

  it('answers not_found for a participant that does not exist', async () => {
    expect(await v.t.call('participants.setStatus', { id: '0123456789abcdef0123456789abcdef', status: 'active' })).toMatchObject({
      code: 'not_found',
    });
  });
});
