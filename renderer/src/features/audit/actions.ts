import type { TFunction } from 'i18next';

/**
 * Every action the main side writes to the audit log, grouped as the coordinator thinks of them. Each one has a
 * text under `audit.actions.<domain>.<verb>` in every locale; actions.test.ts fails when the main side starts
 * writing an action that is not listed here. Entries refused for lack of permission carry the channel's name as
 * their action, so the log can also hold names outside this list: they are shown as their code.
 */
export const ACTION_GROUPS = {
  files: [
    'participants.open',
    'participants.create',
    'participants.update',
    'participants.setStatus',
    'participants.delete',
    'search.notes',
    'print.pdf',
    'print.print',
    'handover.export',
    'handover.import',
    'retention.erase',
  ],
  consents: ['consents.record', 'consents.withdraw', 'consents.override', 'consents.revokeOverride'],
  flags: ['flags.set', 'flags.clear'],
  cohorts: [
    'cohorts.create',
    'cohorts.update',
    'cohorts.enrol',
    'cohorts.enrolMany',
    'cohorts.endEnrolment',
    'sessions.add',
    'sessions.update',
    'sessions.cancel',
    'sessions.restore',
    'sessions.planWeekTopics',
    'attendance.mark',
    'schedule.pdf',
    'schedule.print',
    'partners.save',
    'partners.saveContact',
    'partners.removeContact',
    'visits.save',
    'visits.remove',
  ],
  notes: ['notes.create', 'notes.update', 'notes.setFollowUpDone'],
  psychosocial: ['psychosocial.create', 'psychosocial.update'],
  referrals: [
    'referrals.create',
    'referrals.update',
    'referrals.send',
    'referrals.sendUnderOverride',
    'referrals.accept',
    'referrals.decline',
    'referrals.complete',
    'referrals.withdraw',
    'referrals.letterPdf',
    'referrals.letterPrint',
  ],
  plans: ['plans.save', 'plans.printPdf', 'plans.print'],
  assessments: ['assessments.create', 'assessments.update', 'assessments.hideItem', 'assessments.showItem'],
  participation: [
    'participation.recordExit',
    'participation.recordFollowUp',
    'participation.clearExit',
    'participation.clearFollowUp',
  ],
  reports: ['reports.exportFunderPdf', 'reports.exportFunderCsv', 'reports.exportProgrammePdf', 'reports.exportProgrammeCsv'],
  staff: ['users.create', 'users.update', 'users.deactivate', 'users.issuePassphrase', 'users.acknowledgeAccessNotices'],
  access: [
    'vault.unlock',
    'vault.setup',
    'vault.changePassphrase',
    'vault.confirmRecoveryCode',
    'vault.newRecoveryCode',
    'vault.recoveryCodeRemoved',
    'vault.rotateMasterKey',
    'compartment.create',
    'compartment.seal',
    'compartment.grant',
    'compartment.newRecoveryCode',
    'compartment.useRecoveryCode',
  ],
  backups: [
    'backup.create',
    'backup.setReminder',
    'backup.restore',
    'backup.keepRestore',
    'backup.undoRestore',
    'vault.restoreFresh',
  ],
  checks: [
    'vault.verify',
    'audit.verify',
    'vault.historyAccepted',
    'audit.chainKeyed',
    'audit.checkpoint',
    'settings.update',
    'retention.set',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ActionGroup = keyof typeof ACTION_GROUPS;
export type KnownAction = (typeof ACTION_GROUPS)[ActionGroup][number];

export const KNOWN_ACTIONS: ReadonlySet<string> = new Set(Object.values(ACTION_GROUPS).flat());

/** Whether the interface has a text for this action. */
export function isKnownAction(action: string): action is KnownAction {
  return KNOWN_ACTIONS.has(action);
}

/** The i18n key of a known action's text. */
export function actionKey(action: KnownAction): `audit.actions.${KnownAction}` {
  return `audit.actions.${action}`;
}

/** What an entry's action means, or null when the interface does not know it (then its code is shown). */
export function actionLabel(t: TFunction, action: string, outcome?: string): string | null {
  if (!isKnownAction(action)) return null;
  // "Unlocked Polku" beside "Failed" would read as a contradiction: a failed unlock has its own words.
  if (action === 'vault.unlock' && outcome === 'failed') return t('audit.failedUnlock');
  return t(actionKey(action));
}

/** The action choices of the filter, group by group, in the interface language. */
export function actionChoices(
  t: TFunction,
): { group: ActionGroup; label: string; actions: { value: string; label: string }[] }[] {
  return (Object.keys(ACTION_GROUPS) as ActionGroup[]).map((group) => ({
    group,
    label: t(`audit.groups.${group}`),
    actions: ACTION_GROUPS[group].map((action) => ({ value: action, label: t(actionKey(action)) })),
  }));
}
