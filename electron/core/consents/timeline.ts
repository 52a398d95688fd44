import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { listConsents, listOverrides } from './repo';

/**
 * The consent register on a participant's timeline: each consent given, each withdrawal, and each override.
 * The label is the purpose code. The text is the partner's name for sharing; for an override it is the
 * coordinator's reason, which every reader of the whole file may see (as on the Consents tab): it is written
 * for colleagues, to explain why work goes ahead without a consent. Readers without the whole file see none.
 * Revoking an override is not a timeline kind; the register shows it.
 */
export function consentTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'participants.read')) return [];
  const items: TimelineItem[] = [];
  for (const c of listConsents(db, participantId)) {
    items.push({
      kind: 'consent_given',
      id: c.id,
      at: c.givenOn,
      byName: c.recordedByName,
      label: c.purpose,
      text: c.partnerName,
    });
    if (c.withdrawnOn !== null)
      items.push({
        kind: 'consent_withdrawn',
        id: c.id,
        at: c.withdrawnOn,
        byName: c.withdrawalRecordedByName,
        label: c.purpose,
        text: c.partnerName,
      });
  }
  for (const o of listOverrides(db, participantId))
    items.push({
      kind: 'consent_override',
      id: o.id,
      at: o.grantedAt,
      byName: o.grantedByName,
      label: o.purpose,
      text: o.reason,
    });
  return items;
}
