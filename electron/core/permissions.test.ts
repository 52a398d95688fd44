import { afterEach, describe, expect, it } from 'vitest';
import { api, type Channel, type InputOf } from '@shared/api';
import { ROLES, roleHolds, type Role } from '@shared/roles';
import { PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

const SOMEONE = '0123456789abcdef0123456789abcdef';
const OWN_PASSPHRASE = 'kolme kuusta ja sininen ovi';

/** A valid input for every channel: the compiler refuses a channel left out. */
const SAMPLE_INPUTS: { [C in Channel]: InputOf<C> } = {
  'vault.status': {},
  'vault.setAsideBroken': {},
  'vault.setup': { displayName: 'Someone', passphrase: PASSPHRASE, locale: 'fi' },
  'vault.confirmRecoveryCode': { recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE' },
  'vault.newRecoveryCode': { currentPassphrase: OWN_PASSPHRASE },
  'vault.unlock': { passphrase: OWN_PASSPHRASE },
  'vault.unlockWithRecoveryCode': { recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE' },
  'vault.lock': {},
  'vault.changePassphrase': { current: 'not the passphrase', next: 'another long passphrase here' },
  'vault.rotateMasterKey': { passphrase: 'not the passphrase' },
  'vault.verify': {},
  'vault.acceptHistory': {},
  'compartment.status': {},
  'compartment.grant': { name: 'Nobody Here', passphrase: OWN_PASSPHRASE },
  'compartment.newRecoveryCode': { currentPassphrase: OWN_PASSPHRASE },
  'compartment.useRecoveryCode': { recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE', currentPassphrase: OWN_PASSPHRASE },
  'users.list': {},
  'users.create': { displayName: 'New Colleague', role: 'teacher', currentPassphrase: OWN_PASSPHRASE },
  'users.update': { id: SOMEONE, displayName: 'Renamed' },
  'users.deactivate': { id: SOMEONE },
  'users.issuePassphrase': { id: SOMEONE, currentPassphrase: OWN_PASSPHRASE },
  'users.accessNotices': {},
  'users.acknowledgeAccessNotices': { upTo: 1 },
  'audit.list': { action: 'vault.unlock', limit: 10 },
  'audit.verify': {},
  'audit.checkpoint': { row: 1, code: '0000 0000 0000 0000' },
  'participants.list': { search: 'P-2026', sort: 'firstName', limit: 20 },
  'participants.get': { id: SOMEONE },
  'participants.create': { firstName: 'Sample', birthYear: 1990, languages: ['fi'] },
  'participants.update': { id: SOMEONE, preferredName: 'Sam' },
  'participants.setStatus': { id: SOMEONE, status: 'active' },
  'participants.caseworkers': {},
  'participants.deletionPreview': { id: SOMEONE },
  'participants.delete': { id: SOMEONE, confirmPseudonym: 'P-2026-001' },
  'timeline.participant': { participantId: SOMEONE },
  'consents.list': { participantId: SOMEONE },
  'consents.record': { participantId: SOMEONE, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' },
  'consents.withdraw': { id: SOMEONE, withdrawnOn: '2026-11-02' },
  'consents.override': { participantId: SOMEONE, purpose: 'photos', reason: 'Sample reason' },
  'consents.revokeOverride': { id: SOMEONE },
  'cohorts.list': {},
  'cohorts.staffOptions': {},
  'cohorts.enrolments': { participantId: SOMEONE },
  'cohorts.create': { name: 'Spring group', startDate: '2027-01-11', lengthWeeks: 10 },
  'cohorts.enrol': { participantId: SOMEONE, cohortId: SOMEONE, startDate: '2027-01-11' },
  'cohorts.enrolCandidates': { cohortId: SOMEONE },
  'cohorts.enrolMany': { cohortId: SOMEONE, participantIds: [SOMEONE], startDate: '2027-01-11' },
  'cohorts.endEnrolment': { id: SOMEONE, endDate: '2027-03-19', outcome: 'completed' },
  'cohorts.get': { id: SOMEONE },
  'cohorts.members': { id: SOMEONE },
  'cohorts.update': { id: SOMEONE, place: 'Room 2' },
  'sessions.list': { cohortId: SOMEONE },
  'sessions.update': { id: SOMEONE, topic: 'finnish' },
  'sessions.add': { cohortId: SOMEONE, date: '2027-01-15', startTime: '13:00', endTime: '15:00' },
  'sessions.cancel': { id: SOMEONE, reason: 'Sample reason' },
  'sessions.restore': { id: SOMEONE },
  'sessions.planWeekTopics': {
    cohortId: SOMEONE,
    weekStart: '2027-01-11',
    topics: [{ id: SOMEONE, topic: 'finnish' }],
    copyTo: ['2027-01-18'],
    overwrite: false,
  },
  'sessions.week': { weekStart: '2027-01-13' },
  'attendance.grid': { cohortId: SOMEONE, weekStart: '2027-01-11' },
  'attendance.mark': { sessionId: SOMEONE, participantId: SOMEONE, mark: 'present' },
  'attendance.drift': {},
  'attendance.participant': { participantId: SOMEONE },
  'partners.list': {},
  'partners.get': { id: SOMEONE },
  'partners.save': { name: 'Sample Oy', type: 'employer', notes: null },
  'partners.saveContact': { partnerId: SOMEONE, name: 'Sample Contact', role: null, phone: null, email: null },
  'partners.removeContact': { id: SOMEONE },
  'visits.list': { partnerId: SOMEONE },
  'visits.save': { sessionId: SOMEONE, partnerId: SOMEONE, kind: 'company', learned: null, followUps: null },
  'visits.remove': { id: SOMEONE },
  'flags.list': { participantId: SOMEONE, includeCleared: true },
  'flags.set': { participantId: SOMEONE, kind: 'address_confidential', note: 'Sample note' },
  'flags.clear': { id: SOMEONE },
  'notes.list': { participantId: SOMEONE },
  'notes.create': { participantId: SOMEONE, date: '2026-11-20', type: 'phone_call', text: 'Sample' },
  'notes.update': { id: SOMEONE, date: '2026-11-20', type: 'phone_call', text: 'Sample' },
  'notes.setFollowUpDone': { id: SOMEONE, done: true },
  'notes.versions': { id: SOMEONE },
  'notes.saveDraft': { participantId: SOMEONE, fields: { text: 'Sample' } },
  'notes.drafts': { participantId: SOMEONE },
  'notes.discardDraft': { id: SOMEONE },
  'search.notes': { query: 'sample' },
  'psychosocial.list': { participantId: SOMEONE },
  'psychosocial.get': { id: SOMEONE },
  'psychosocial.versions': { id: SOMEONE },
  'psychosocial.create': {
    participantId: SOMEONE,
    date: '2026-11-20',
    durationMinutes: 60,
    kind: 'individual',
    riskLevel: 'low',
  },
  'psychosocial.update': { id: SOMEONE, date: '2026-11-20', durationMinutes: 60, kind: 'group', riskLevel: 'none' },
  'referrals.list': { participantId: SOMEONE },
  'referrals.get': { id: SOMEONE },
  'referrals.search': { status: ['sent'], overdue: true, sort: 'participant', direction: 'desc', limit: 200 },
  'referrals.create': {
    participantId: SOMEONE,
    partnerId: SOMEONE,
    serviceType: 'employmentServices',
    urgency: 'routine',
    reason: 'Sample reason',
  },
  'referrals.update': { id: SOMEONE, partnerId: SOMEONE, serviceType: 'education', urgency: 'soon', reason: 'Sample reason' },
  'referrals.transition': { id: SOMEONE, to: 'accepted', date: '2026-11-20' },
  'referrals.byPartner': { partnerId: SOMEONE },
  'referrals.letterPreview': { id: SOMEONE, locale: 'sv' },
  'referrals.letterPdf': { id: SOMEONE, locale: 'sv' },
  'referrals.letterPrint': { id: SOMEONE, locale: 'sv' },
  'plans.get': { participantId: SOMEONE },
  'plans.save': {
    participantId: SOMEONE,
    baseVersion: null,
    goals: [{ kind: 'studies', target: 'Sample', steps: [{ what: 'Sample', owner: 'participant' }] }],
  },
  'plans.versions': { participantId: SOMEONE },
  'plans.version': { participantId: SOMEONE, at: '2026-11-20' },
  'plans.printPreview': { participantId: SOMEONE, locale: 'sv' },
  'plans.printPdf': { participantId: SOMEONE, locale: 'sv' },
  'plans.print': { participantId: SOMEONE, locale: 'sv' },
  'assessments.instrument': {},
  'assessments.list': { participantId: SOMEONE },
  'assessments.save': {
    participantId: SOMEONE,
    stage: 'intake',
    date: '2026-11-20',
    version: 1,
    answers: [{ itemId: 'finnish.speaking', rater: 'caseworker', score: 2 }],
  },
  'assessments.hideItem': { version: 1, itemId: 'finnish.speaking', hidden: true },
  'assessments.cohortChange': { cohortId: SOMEONE },
  'reports.funder': { from: '2026-01-01', to: '2026-12-31', locale: 'fi' },
  'reports.exportFunderPdf': { from: '2026-01-01', to: '2026-12-31', locale: 'sv' },
  'reports.exportFunderCsv': { from: '2026-01-01', to: '2026-12-31', locale: 'en' },
  'reports.exportProgrammePdf': { from: '2026-01-01', to: '2026-12-31', locale: 'fi' },
  'reports.exportProgrammeCsv': { from: '2026-01-01', to: '2026-12-31', locale: 'sv' },
  'participation.get': { participantId: SOMEONE },
  'participation.recordExit': {
    participantId: SOMEONE,
    checkedOn: '2026-11-20',
    jobSearching: true,
    inEducation: false,
    qualification: false,
    employed: false,
  },
  'participation.recordFollowUp': { participantId: SOMEONE, checkedOn: '2026-11-20', outcome: 'not_reached' },
  'participation.clear': { participantId: SOMEONE, part: 'exit' },
  'reports.programme': { from: '2026-01-01', to: '2026-12-31', locale: 'fi' },
  'views.list': { screen: 'participants' },
  'views.save': {
    screen: 'participants',
    name: 'Mine',
    state: { columns: ['pseudonym'], filters: {}, sort: { key: 'pseudonym', direction: 'asc' } },
  },
  'views.delete': { id: SOMEONE },
  'views.saveLast': {
    screen: 'participants',
    state: { columns: ['pseudonym'], filters: {}, sort: { key: 'pseudonym', direction: 'asc' } },
  },
  'vault.touch': {},
  'settings.get': {},
  'settings.update': { autoLockMinutes: 10 },
  'prefs.setLocale': { locale: 'fi' },
  'place.remember': { page: 'participant', id: SOMEONE, from: 'participants', tab: 'notes' },
  'place.resume': {},
  'vault.restoreFresh': { token: SOMEONE, userId: SOMEONE, passphrase: OWN_PASSPHRASE, locale: 'fi' },
  'backup.create': { passphrase: 'a backup passphrase, long', currentPassphrase: OWN_PASSPHRASE },
  'backup.cancel': {},
  'backup.status': {},
  'backup.setReminder': { days: 14 },
  'backup.inspect': { passphrase: 'a backup passphrase, long' },
  'backup.restore': { token: SOMEONE },
  'backup.keepRestore': {},
  'backup.undoRestore': {},
  'handover.export': { participantId: SOMEONE, passphrase: 'a handover passphrase, long', currentPassphrase: OWN_PASSPHRASE },
  'handover.inspect': { passphrase: 'a handover passphrase, long' },
  'handover.import': { token: SOMEONE, onConflict: 'keepBoth' },
  'print.sections': {},
  'print.preview': { participantId: SOMEONE, sections: ['basic'], pseudonymOnly: false, locale: 'fi' },
  'print.pdf': { participantId: SOMEONE, sections: ['basic'], pseudonymOnly: false, locale: 'fi' },
  'print.print': { participantId: SOMEONE, sections: ['basic'], pseudonymOnly: false, locale: 'fi' },
  'schedule.preview': { cohortId: SOMEONE, weekStart: '2027-01-11', locale: 'sv' },
  'schedule.pdf': { cohortId: SOMEONE, weekStart: '2027-01-11', locale: 'sv' },
  'schedule.print': { cohortId: SOMEONE, weekStart: '2027-01-11', locale: 'sv' },
  'retention.get': {},
  'retention.set': { years: 5 },
  'retention.due': {},
  'retention.erase': { participantIds: [SOMEONE], confirmCount: 1 },
  'today.get': {},
  'overview.participant': { participantId: SOMEONE },
};

/** A vault where a user of `role` is unlocked, with their own passphrase set. */
async function unlockedAs(role: Role): Promise<TestCore> {
  const t = testCore();
  cores.push(t);
  await t.ok('vault.setup', { displayName: 'First Coordinator', passphrase: PASSPHRASE, locale: 'fi' });
  const { oneTimePassphrase } = await t.ok('users.create', { displayName: `The ${role}`, role, currentPassphrase: PASSPHRASE });
  t.core.lock('manual');
  await t.ok('vault.unlock', { name: `The ${role}`, passphrase: oneTimePassphrase });
  await t.ok('vault.changePassphrase', { next: OWN_PASSPHRASE });
  return t;
}

describe('the permission matrix, enforced in dispatch', () => {
  for (const role of ROLES) {
    it(`gives a ${role} exactly the channels the matrix grants`, async () => {
      const t = await unlockedAs(role);
      const channels = Object.keys(api) as Channel[];
      for (const channel of channels) {
        const access = api[channel].access;
        if (access === 'public') continue;
        if (!(await t.ok('vault.status', {})).session)
          await t.ok('vault.unlock', { name: `The ${role}`, passphrase: OWN_PASSPHRASE });
        const result = await t.call(channel, SAMPLE_INPUTS[channel] as never);
        const allowed = access === 'session' || roleHolds(role, access);
        const refused = !result.ok && result.code === 'forbidden';
        expect(refused, `${role} -> ${channel}`).toBe(!allowed);
      }
    });
  }

  it('refuses every channel but the public ones while locked', async () => {
    const t = testCore();
    cores.push(t);
    await t.ok('vault.setup', { displayName: 'First Coordinator', passphrase: PASSPHRASE, locale: 'fi' });
    t.core.lock('manual');
    for (const channel of Object.keys(api) as Channel[]) {
      if (api[channel].access === 'public') continue;
      expect(await t.call(channel, SAMPLE_INPUTS[channel] as never), channel).toMatchObject({ code: 'locked' });
    }
  });
});
