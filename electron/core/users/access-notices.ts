import type { AccessNotice } from '@shared/users';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';

/**
 * What the psychologists are told at their next unlock: someone made a psychologist (an account created with that
 * role, or a role changed to it), a psychologist given a new one-time passphrase, the key to the sealed notes given
 * to a colleague, or the psychologists' recovery code used. Each can give someone the private notes. There is no table of its own: the notices are the audit rows of those changes (append-only, in
 * the vault), and a psychologist's acknowledgement is an audit row too, made by them and naming the newest notice it covers.
 *
 * The audit details carry the role at the time: `users.create` and `users.issuePassphrase` the account's role,
 * `users.update` ends in `;to:<role>` when the role changed (users/handlers.ts).
 */
export const ACKNOWLEDGE_ACTION = 'users.acknowledgeAccessNotices';

/** The detail of an acknowledgement: the id of the newest audit row it covers. */
export const acknowledgedDetail = (upTo: number) => `upTo:${upTo}`;

/**
 * The first audit row a psychologist is told about comes after the later of: their own last acknowledgement, and
 * the moment they themself became a psychologist (nothing from before they held the notes).
 */
function seenUpTo(db: Db, userId: string): number {
  const acknowledged = get<{ upTo: number | null }>(
    db,
    sql`SELECT max(CAST(substr(detail, 6) AS INTEGER)) AS upTo FROM audit_log
        WHERE user_id = ${userId} AND action = ${ACKNOWLEDGE_ACTION} AND outcome = 'ok'`,
  )?.upTo;
  const became = get<{ id: number | null }>(
    db,
    sql`SELECT max(id) AS id FROM audit_log
        WHERE entity = 'user' AND entity_id = ${userId} AND outcome = 'ok'
          AND ((action = 'users.create' AND detail = 'psychologist') OR (action = 'users.update' AND detail LIKE '%;to:psychologist'))`,
  )?.id;
  return Math.max(acknowledged ?? 0, became ?? 0);
}

const NOTICE_KIND: Readonly<Record<string, AccessNotice['kind']>> = {
  'users.create': 'created',
  'users.update': 'madePsychologist',
  'users.issuePassphrase': 'newPassphrase',
  'compartment.grant': 'grantedKey',
  'compartment.useRecoveryCode': 'usedRecoveryCode',
};

interface NoticeRow {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  subject: string | null;
}

/** The notices a psychologist has not yet acknowledged, oldest first; never about themself or their own doing. */
export function pendingAccessNotices(db: Db, userId: string): AccessNotice[] {
  const rows = all<NoticeRow>(
    db,
    sql`SELECT a.id, a.at, a.action, actor.display_name AS actor, subject.display_name AS subject
        FROM audit_log a
        LEFT JOIN users actor ON actor.id = a.user_id
        LEFT JOIN users subject ON subject.id = a.entity_id
        WHERE a.outcome = 'ok' AND a.id > ${seenUpTo(db, userId)} AND a.user_id IS NOT ${userId}
          AND ((a.entity = 'user' AND a.entity_id IS NOT ${userId}
                AND ((a.action = 'users.create' AND a.detail = 'psychologist')
                  OR (a.action = 'users.update' AND a.detail LIKE '%;to:psychologist')
                  OR (a.action = 'users.issuePassphrase' AND a.detail = 'psychologist')
                  OR a.action = 'compartment.grant'))
            OR a.action = 'compartment.useRecoveryCode')
        ORDER BY a.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    kind: NOTICE_KIND[row.action] ?? 'newPassphrase',
    actorName: row.actor,
    // Whoever used the psychologists' recovery code gave the key to themself.
    subjectName: (row.action === 'compartment.useRecoveryCode' ? row.actor : row.subject) ?? '',
  }));
}
