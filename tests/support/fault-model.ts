/**
 * What the random-kill suite knows about its vault (tests/support/fault-suite.ts, fault-child.ts): the staff and
 * their passphrases, the recovery code, and every record of every kind as (key, token) pairs — the token being the
 * part of the row the suite wrote and reads back. Only synthetic data, in a temp folder.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { Db } from '../../electron/core/db/open';

/** The staff the suite writes as; the psychologist's passphrase never changes (her private-notes key wrap stays). */
export const STAFF = {
  coordinator: 'Aino Koordinaattori',
  caseworker: 'Kalle Ohjaaja',
  psychologist: 'Sara Psykologi',
} as const;
export type StaffRole = keyof typeof STAFF;

/**
 * Every kind of record the suite writes, read straight from the database: a key per row and the token the suite
 * knows it wrote. A new kind of record joins here and in the child's operations.
 */
export const KINDS = {
  participant: `SELECT id AS key, first_name AS token FROM participants`,
  consent: `SELECT participant_id || ':' || purpose || ':' || coalesce(partner_name, '') AS key, given_on AS token FROM consents`,
  flag: `SELECT id AS key, participant_id || ':' || coalesce(note, '') AS token FROM safety_flags`,
  note: `SELECT id AS key, participant_id || ':' || text AS token FROM notes`,
  draft: `SELECT id AS key, participant_id || ':' || json_extract(fields, '$.text') AS token FROM note_drafts`,
  psychosocial: `SELECT id AS key, participant_id || ':' || coalesce(summary, '') AS token FROM psychosocial_entries`,
  partner: `SELECT id AS key, name AS token FROM partners`,
  referral: `SELECT id AS key, participant_id || ':' || reason AS token FROM referrals`,
  plan: `SELECT participant_id AS key, CAST(version AS TEXT) AS token FROM plans`,
  assessment: `SELECT id AS key, participant_id || ':' || stage AS token FROM assessments`,
  participation: `SELECT participant_id AS key, exit_checked_on AS token FROM participation_results`,
  cohort: `SELECT id AS key, name AS token FROM cohorts`,
  session: `SELECT id AS key, cohort_id || ':' || date || ' ' || start_time AS token FROM cohort_sessions`,
  enrolment: `SELECT id AS key, participant_id || ':' || cohort_id AS token FROM enrolments`,
  attendance: `SELECT session_id || '|' || participant_id AS key, mark AS token FROM attendance`,
  user: `SELECT id AS key, display_name || ':' || role AS token FROM users`,
} as const;
export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export type Records = Record<Kind, Record<string, string>>;

export function emptyRecords(): Records {
  return Object.fromEntries(KIND_NAMES.map((k) => [k, {}])) as unknown as Records;
}

/** Reads every kind from an open vault database. */
export function readRecords(db: Db): Records {
  const records = emptyRecords();
  for (const kind of KIND_NAMES) {
    for (const row of db.prepare(KINDS[kind]).all() as { key: string; token: string | null }[])
      records[kind][row.key] = row.token ?? '';
  }
  return records;
}

export interface Model {
  /** Null while a colleague has no slot (a master-key rotation drops colleagues' slots until new ones are issued). */
  passphrases: Record<StaffRole, string | null>;
  recoveryCode: string;
  records: Records;
  /** Backups acknowledged, each with the records it holds. */
  backups: { file: string; records: Records }[];
  /** A counter for unique names and texts. */
  serial: number;
}

/** What an acknowledged write changed, as the child tells it. */
export type Effect =
  | { kind: Kind; key: string; token: string }
  | { passphrase: StaffRole; value: string | null }
  | { recoveryCode: string }
  | { backup: string }
  | { restore: string };

/**
 * A line of the child's log: `begin` before a dispatch (what it may change), `ack` after it answered ok. The last
 * `begin` without its `ack` is the write in flight at the kill.
 */
export type LogLine =
  | {
      t: 'begin';
      channel: string;
      /** The kinds of record the write may add or change. */
      kinds?: readonly Kind[];
      passphrase?: StaffRole;
      value?: string;
      restore?: string;
      rotation?: boolean;
    }
  | { t: 'ack'; channel: string; effects: Effect[] };

/** Appends one line and flushes it to the disk before returning (an ack must survive the kill that follows it). */
export function appendDurably(file: string, line: LogLine): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The log's whole lines (a line cut by the kill is dropped: it was never flushed whole, so never acknowledged). */
export function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  const lines: LogLine[] = [];
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text) continue;
    try {
      lines.push(JSON.parse(text) as LogLine);
    } catch {
      // The last line, cut part-way.
    }
  }
  return lines;
}

/** Applies acknowledged effects to the model. */
export function applyEffects(model: Model, effects: readonly Effect[]): void {
  for (const effect of effects) {
    if ('kind' in effect) model.records[effect.kind][effect.key] = effect.token;
    else if ('passphrase' in effect) model.passphrases[effect.passphrase] = effect.value;
    else if ('recoveryCode' in effect) model.recoveryCode = effect.recoveryCode;
    else if ('backup' in effect) model.backups.push({ file: effect.backup, records: structuredClone(model.records) });
    else {
      const backup = model.backups.find((b) => b.file === effect.restore);
      if (!backup) throw new Error(`restore of an unknown backup ${effect.restore}`);
      // In place: the child reads the records through a reference it took at its start.
      Object.assign(model.records, structuredClone(backup.records));
    }
  }
}

/** The differences between two record sets, as `kind key: expected -> found` lines. */
export function recordDiff(expected: Records, found: Records): { kind: Kind; key: string; expected?: string; found?: string }[] {
  const diff: { kind: Kind; key: string; expected?: string; found?: string }[] = [];
  for (const kind of KIND_NAMES) {
    const keys = new Set([...Object.keys(expected[kind]), ...Object.keys(found[kind])]);
    for (const key of keys) {
      const e = expected[kind][key];
      const f = found[kind][key];
      if (e !== f)
        diff.push({ kind, key, ...(e !== undefined ? { expected: e } : {}), ...(f !== undefined ? { found: f } : {}) });
    }
  }
  return diff;
}

export function saveModel(file: string, model: Model): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, JSON.stringify(model));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function loadModel(file: string): Model {
  return JSON.parse(readFileSync(file, 'utf8')) as Model;
}
