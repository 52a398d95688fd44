import type { ConsentMethod, ConsentOverride, ConsentPurpose, ConsentRecord } from '@shared/consents';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

interface ConsentDbRow {
  id: string;
  participant_id: string;
  purpose: ConsentPurpose;
  partner_name: string | null;
  given_on: string;
  method: ConsentMethod;
  withhold_from: string | null;
  withhold_reason: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
  withdrawn_on: string | null;
  withdrawal_recorded_by_name: string | null;
  withdrawal_recorded_at: string | null;
}

interface OverrideDbRow {
  id: string;
  participant_id: string;
  purpose: ConsentPurpose;
  reason: string;
  granted_by_name: string | null;
  granted_at: string;
  revoked_by_name: string | null;
  revoked_at: string | null;
}

/** A stored consent with the participant it belongs to. */
export type StoredConsent = ConsentRecord & { participantId: string };
/** A stored override with the participant it belongs to. */
export type StoredOverride = ConsentOverride & { participantId: string };

function toConsent(row: ConsentDbRow): StoredConsent {
  return {
    id: row.id,
    participantId: row.participant_id,
    purpose: row.purpose,
    partnerName: row.partner_name,
    givenOn: row.given_on,
    method: row.method,
    withholdFrom: row.withhold_from,
    withholdReason: row.withhold_reason,
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
    withdrawnOn: row.withdrawn_on,
    withdrawalRecordedByName: row.withdrawal_recorded_by_name,
    withdrawalRecordedAt: row.withdrawal_recorded_at,
  };
}

function toOverride(row: OverrideDbRow): StoredOverride {
  return {
    id: row.id,
    participantId: row.participant_id,
    purpose: row.purpose,
    reason: row.reason,
    grantedByName: row.granted_by_name,
    grantedAt: row.granted_at,
    revokedByName: row.revoked_by_name,
    revokedAt: row.revoked_at,
  };
}

/** Every consent of a participant, newest first (by the day given, then by when recorded). */
export function listConsents(db: Db, participantId: string): StoredConsent[] {
  return all<ConsentDbRow>(
    db,
    sql`SELECT c.*, r.display_name AS recorded_by_name, w.display_name AS withdrawal_recorded_by_name
        FROM consents c
        LEFT JOIN users r ON r.id = c.recorded_by
        LEFT JOIN users w ON w.id = c.withdrawal_recorded_by
        WHERE c.participant_id = ${participantId}
        ORDER BY c.given_on DESC, c.recorded_at DESC, c.id`,
  ).map(toConsent);
}

export function findConsent(db: Db, id: string): StoredConsent | undefined {
  const row = get<ConsentDbRow>(
    db,
    sql`SELECT c.*, r.display_name AS recorded_by_name, w.display_name AS withdrawal_recorded_by_name
        FROM consents c
        LEFT JOIN users r ON r.id = c.recorded_by
        LEFT JOIN users w ON w.id = c.withdrawal_recorded_by
        WHERE c.id = ${id}`,
  );
  return row ? toConsent(row) : undefined;
}

/** Every override of a participant, newest first. */
export function listOverrides(db: Db, participantId: string): StoredOverride[] {
  return all<OverrideDbRow>(
    db,
    sql`SELECT o.*, g.display_name AS granted_by_name, v.display_name AS revoked_by_name
        FROM consent_overrides o
        LEFT JOIN users g ON g.id = o.granted_by
        LEFT JOIN users v ON v.id = o.revoked_by
        WHERE o.participant_id = ${participantId}
        ORDER BY o.granted_at DESC, o.id`,
  ).map(toOverride);
}

export function findOverride(db: Db, id: string): StoredOverride | undefined {
  const row = get<OverrideDbRow>(
    db,
    sql`SELECT o.*, g.display_name AS granted_by_name, v.display_name AS revoked_by_name
        FROM consent_overrides o
        LEFT JOIN users g ON g.id = o.granted_by
        LEFT JOIN users v ON v.id = o.revoked_by
        WHERE o.id = ${id}`,
  );
  return row ? toOverride(row) : undefined;
}

export interface NewConsent {
  id: string;
  participantId: string;
  purpose: ConsentPurpose;
  partnerName: string | null;
  givenOn: string;
  method: ConsentMethod;
  withholdFrom: string | null;
  withholdReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export function insertConsent(db: Db, c: NewConsent): void {
  run(
    db,
    sql`INSERT INTO consents (id, participant_id, purpose, partner_name, given_on, method, withhold_from, withhold_reason,
                              recorded_by, recorded_at)
        VALUES (${c.id}, ${c.participantId}, ${c.purpose}, ${c.partnerName}, ${c.givenOn}, ${c.method}, ${c.withholdFrom},
                ${c.withholdReason}, ${c.recordedBy}, ${c.recordedAt})`,
  );
}

export function markWithdrawn(db: Db, id: string, withdrawnOn: string, by: string, at: string): void {
  run(
    db,
    sql`UPDATE consents SET withdrawn_on = ${withdrawnOn}, withdrawal_recorded_by = ${by}, withdrawal_recorded_at = ${at}
        WHERE id = ${id} AND withdrawn_on IS NULL`,
  );
}

export interface NewOverride {
  id: string;
  participantId: string;
  purpose: ConsentPurpose;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

export function insertOverride(db: Db, o: NewOverride): void {
  run(
    db,
    sql`INSERT INTO consent_overrides (id, participant_id, purpose, reason, granted_by, granted_at)
        VALUES (${o.id}, ${o.participantId}, ${o.purpose}, ${o.reason}, ${o.grantedBy}, ${o.grantedAt})`,
  );
}

export function markRevoked(db: Db, id: string, by: string, at: string): void {
  run(db, sql`UPDATE consent_overrides SET revoked_by = ${by}, revoked_at = ${at} WHERE id = ${id} AND revoked_at IS NULL`);
}
