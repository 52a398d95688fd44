import type { Partner, PartnerContact, PartnerSummary, PartnerType } from '@shared/partners';
import type { Visit, VisitKind } from '@shared/visits';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { foldText } from '../participants/keys';

interface PartnerDbRow {
  id: string;
  name: string;
  type: PartnerType;
  notes: string | null;
  active: number;
  contacts: number;
  visits: number;
}

interface ContactDbRow {
  id: string;
  partner_id: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

interface VisitDbRow {
  id: string;
  session_id: string;
  session_date: string;
  cohort_id: string;
  cohort_name: string;
  partner_id: string;
  partner_name: string;
  kind: VisitKind;
  learned: string | null;
  follow_ups: string | null;
}

/** A partner name's comparison key: "Työkeskus Oy" and "TYOKESKUS  oy" are the same name. */
export function partnerNameKey(name: string): string {
  return foldText(name);
}

const toSummary = (row: PartnerDbRow): PartnerSummary => ({
  id: row.id,
  name: row.name,
  type: row.type,
  active: row.active === 1,
  contacts: row.contacts,
  visits: row.visits,
});

const toContact = (row: ContactDbRow): PartnerContact => ({
  id: row.id,
  partnerId: row.partner_id,
  name: row.name,
  role: row.role,
  phone: row.phone,
  email: row.email,
});

const toVisit = (row: VisitDbRow): Visit => ({
  id: row.id,
  sessionId: row.session_id,
  sessionDate: row.session_date,
  cohortId: row.cohort_id,
  cohortName: row.cohort_name,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  kind: row.kind,
  learned: row.learned,
  followUps: row.follow_ups,
});

const PARTNER_SELECT = sql`SELECT p.id, p.name, p.type, p.notes, p.active,
    (SELECT count(*) FROM partner_contacts c WHERE c.partner_id = p.id) AS contacts,
    (SELECT count(*) FROM visits v WHERE v.partner_id = p.id) AS visits
  FROM partners p`.text;

/** Every partner: the active ones first, each group by name. */
export function listPartners(db: Db): PartnerSummary[] {
  return all<PartnerDbRow>(db, { text: `${PARTNER_SELECT} ORDER BY p.active DESC, p.name_key, p.id`, values: [] }).map(toSummary);
}

export function findPartnerSummary(db: Db, id: string): (PartnerSummary & { notes: string | null }) | undefined {
  const row = get<PartnerDbRow>(db, { text: `${PARTNER_SELECT} WHERE p.id = ?`, values: [id] });
  return row ? { ...toSummary(row), notes: row.notes } : undefined;
}

/** A partner with its contacts (by name) and its visits (newest first). */
export function findPartner(db: Db, id: string): Partner | undefined {
  const summary = findPartnerSummary(db, id);
  if (!summary) return undefined;
  return { ...summary, contactList: listContacts(db, id), visitList: listVisits(db, { partnerId: id }) };
}

export function partnerNameInUse(db: Db, name: string, exceptId: string | null): boolean {
  return (
    get(
      db,
      sql`SELECT 1 FROM partners WHERE name_key = ${partnerNameKey(name)} AND (${exceptId} IS NULL OR id <> ${exceptId})`,
    ) !== undefined
  );
}

export interface PartnerFields {
  name: string;
  type: PartnerType;
  notes: string | null;
  active: boolean;
}

export function insertPartner(db: Db, p: PartnerFields & { id: string; createdBy: string; createdAt: string }): void {
  run(
    db,
    sql`INSERT INTO partners (id, name, name_key, type, notes, active, created_by, created_at, updated_at)
        VALUES (${p.id}, ${p.name}, ${partnerNameKey(p.name)}, ${p.type}, ${p.notes}, ${p.active ? 1 : 0},
                ${p.createdBy}, ${p.createdAt}, ${p.createdAt})`,
  );
}

export function updatePartner(db: Db, id: string, p: PartnerFields, updatedAt: string): void {
  run(
    db,
    sql`UPDATE partners SET name = ${p.name}, name_key = ${partnerNameKey(p.name)}, type = ${p.type}, notes = ${p.notes},
          active = ${p.active ? 1 : 0}, updated_at = ${updatedAt}
        WHERE id = ${id}`,
  );
}

export function touchPartner(db: Db, id: string, updatedAt: string): void {
  run(db, sql`UPDATE partners SET updated_at = ${updatedAt} WHERE id = ${id}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Contacts

/** A partner's contacts by name. */
export function listContacts(db: Db, partnerId: string): PartnerContact[] {
  return all<ContactDbRow>(
    db,
    sql`SELECT id, partner_id, name, role, phone, email FROM partner_contacts WHERE partner_id = ${partnerId}
        ORDER BY name COLLATE NOCASE, id`,
  ).map(toContact);
}

export function findContact(db: Db, id: string): PartnerContact | undefined {
  const row = get<ContactDbRow>(db, sql`SELECT id, partner_id, name, role, phone, email FROM partner_contacts WHERE id = ${id}`);
  return row ? toContact(row) : undefined;
}

export interface ContactFields {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export function insertContact(db: Db, c: ContactFields & { id: string; partnerId: string }): void {
  run(
    db,
    sql`INSERT INTO partner_contacts (id, partner_id, name, role, phone, email)
        VALUES (${c.id}, ${c.partnerId}, ${c.name}, ${c.role}, ${c.phone}, ${c.email})`,
  );
}

export function updateContact(db: Db, id: string, c: ContactFields): void {
  run(
    db,
    sql`UPDATE partner_contacts SET name = ${c.name}, role = ${c.role}, phone = ${c.phone}, email = ${c.email}
        WHERE id = ${id}`,
  );
}

export function deleteContact(db: Db, id: string): void {
  run(db, sql`DELETE FROM partner_contacts WHERE id = ${id}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Visits

const VISIT_SELECT = sql`SELECT v.id, v.session_id, s.date AS session_date, s.cohort_id, c.name AS cohort_name,
    v.partner_id, p.name AS partner_name, v.kind, v.learned, v.follow_ups
  FROM visits v
  JOIN cohort_sessions s ON s.id = v.session_id
  JOIN cohorts c ON c.id = s.cohort_id
  JOIN partners p ON p.id = v.partner_id`.text;

const VISIT_ORDER = 'ORDER BY s.date DESC, s.start_time DESC, v.id';

/** Visits, newest session first: of one partner, one cohort, both, or all. */
export function listVisits(db: Db, filter: { partnerId?: string | undefined; cohortId?: string | undefined }): Visit[] {
  const partnerId = filter.partnerId ?? null;
  const cohortId = filter.cohortId ?? null;
  return all<VisitDbRow>(db, {
    text: `${VISIT_SELECT} WHERE (? IS NULL OR v.partner_id = ?) AND (? IS NULL OR s.cohort_id = ?) ${VISIT_ORDER}`,
    values: [partnerId, partnerId, cohortId, cohortId],
  }).map(toVisit);
}

export function findVisit(db: Db, id: string): Visit | undefined {
  const row = get<VisitDbRow>(db, { text: `${VISIT_SELECT} WHERE v.id = ?`, values: [id] });
  return row ? toVisit(row) : undefined;
}

/** The visit recorded on a session, as far as saving it again needs: its id and partner. */
export function findVisitOfSession(db: Db, sessionId: string): { id: string; partnerId: string } | undefined {
  return get<{ id: string; partnerId: string }>(
    db,
    sql`SELECT id, partner_id AS partnerId FROM visits WHERE session_id = ${sessionId}`,
  );
}

/** A session's state and partner, or undefined when there is no such session. */
export function findSessionForVisit(
  db: Db,
  id: string,
): { state: 'planned' | 'cancelled'; partnerId: string | null } | undefined {
  return get<{ state: 'planned' | 'cancelled'; partnerId: string | null }>(
    db,
    sql`SELECT state, partner_id AS partnerId FROM cohort_sessions WHERE id = ${id}`,
  );
}

/** Names the visited partner on a session that had none, so the calendar and week view show where the group went. */
export function fillSessionPartner(db: Db, sessionId: string, partnerId: string, updatedAt: string): void {
  run(
    db,
    sql`UPDATE cohort_sessions SET partner_id = ${partnerId}, updated_at = ${updatedAt}
        WHERE id = ${sessionId} AND partner_id IS NULL`,
  );
}

export interface VisitFields {
  partnerId: string;
  kind: VisitKind;
  learned: string | null;
  followUps: string | null;
}

export function insertVisit(
  db: Db,
  v: VisitFields & { id: string; sessionId: string; createdBy: string; createdAt: string },
): void {
  run(
    db,
    sql`INSERT INTO visits (id, session_id, partner_id, kind, learned, follow_ups, created_by, created_at, updated_at)
        VALUES (${v.id}, ${v.sessionId}, ${v.partnerId}, ${v.kind}, ${v.learned}, ${v.followUps}, ${v.createdBy},
                ${v.createdAt}, ${v.createdAt})`,
  );
}

export function updateVisit(db: Db, id: string, v: VisitFields, updatedAt: string): void {
  run(
    db,
    sql`UPDATE visits SET partner_id = ${v.partnerId}, kind = ${v.kind}, learned = ${v.learned},
          follow_ups = ${v.followUps}, updated_at = ${updatedAt}
        WHERE id = ${id}`,
  );
}

export function deleteVisit(db: Db, id: string): boolean {
  return run(db, sql`DELETE FROM visits WHERE id = ${id}`).changes === 1;
}
