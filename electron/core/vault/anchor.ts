import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { HistoryProblem } from '@shared/vault';
import { appendAudit, auditHashAt, auditHead, chainingOf, rechainAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../settings/repo';
import { ANCHOR_BACKUP_HEADS, type AuditHeadRef, type HistoryAnchor, type SlotFile } from './keyslots';
import type { SlotStore } from './slot-store';

/**
 * The history anchor: the audit log's head (row id and hash) and a change counter, kept in the slot file, outside
 * the database, under a MAC keyed from the master key and bound to the vault id. A database put back from an
 * older copy has fewer rows than the anchor names, another row at the anchor's id, or a smaller counter: the
 * unlock finds it. It is advanced after every request that added audit rows and at every lock and unlock
 * (docs/security.md, "History anchor").
 */

/** Setting in the database: the anchor's counter, raised at every unlock; compared with the anchor's own at unlock. */
export const HISTORY_COUNTER = 'history.counter';
const ANCHOR_KEY_LABEL = 'polku-history-anchor-v1';

/** What an unlock found wrong with the database's history, and the numbers behind it for the audit record. */
export interface HistoryFinding {
  problem: HistoryProblem;
  anchor: { id: number; counter: number } | null;
  database: { id: number; counter: number };
  /** The slot file had no anchor, though the database was counted by one. */
  missing?: true;
}

/** The anchor's MAC key: HKDF-SHA256 of the master key, salted with the vault id, under its own label. */
export function deriveAnchorKey(masterKey: Buffer, vaultId: string): Buffer {
  const derived = Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(vaultId, 'utf8'), ANCHOR_KEY_LABEL, 32));
  const key = Buffer.alloc(32);
  derived.copy(key);
  derived.fill(0);
  return key;
}

function anchorMac(key: Buffer, vaultId: string, anchor: Omit<HistoryAnchor, 'mac'>): string {
  const backups = anchor.backups.map((b) => `${b.id}:${b.hash}`).join(',');
  const text = `polku-history-anchor-v1|${vaultId}|${anchor.head.id}|${anchor.head.hash}|${anchor.counter}|${backups}`;
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

function macMatches(key: Buffer, vaultId: string, anchor: HistoryAnchor): boolean {
  const expected = Buffer.from(anchorMac(key, vaultId, anchor), 'hex');
  const stored = Buffer.from(anchor.mac, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

function databaseCounter(db: Db): number {
  const value = readSetting(db, HISTORY_COUNTER);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** What the anchor says about the database; null when the database is at or past it. */
export function compareWithAnchor(db: Db, file: SlotFile, key: Buffer): HistoryFinding | null {
  const anchor = file.historyAnchor;
  const database = { id: auditHead(db)?.id ?? 0, counter: databaseCounter(db) };
  // Only a database no anchor ever counted (made by a build before the anchor) comes without one. Once counted, a
  // missing anchor was taken out of the slot file, which needs no key: perhaps to put an older copy back unseen.
  if (!anchor) return database.counter > 0 ? { problem: 'anchor_altered', anchor: null, database, missing: true } : null;
  const named = { id: anchor.head.id, counter: anchor.counter };
  if (!macMatches(key, file.vaultId, anchor)) return { problem: 'anchor_altered', anchor: null, database };
  if (database.id < anchor.head.id || database.counter < anchor.counter) return { problem: 'older', anchor: named, database };
  if (auditHashAt(db, anchor.head.id) !== anchor.head.hash) return { problem: 'different', anchor: named, database };
  return null;
}

/**
 * The anchor carried over a master-key rotation whose rekey committed: `rechain` computes the audit chain anew under
 * the new key (it is called exactly once, inside the caller's transaction). An anchor whose MAC checks out under the
 * old key follows its rows to their new hashes, where the row still had the hash the anchor named (or, with
 * `alreadyRechained`, was rechained by an earlier attempt at the same rotation), and is sealed under the new key; any
 * other anchor is returned as it is, so that the unlock reports it as it would have before.
 */
export function anchorAfterRekey(
  db: Db,
  file: SlotFile,
  keys: { oldKey: Buffer | null; newKey: Buffer },
  o: { rechain: () => void; alreadyRechained: boolean },
): HistoryAnchor | undefined {
  const anchor = file.historyAnchor;
  const oldAnchorKey = keys.oldKey ? deriveAnchorKey(keys.oldKey, file.vaultId) : null;
  const newAnchorKey = deriveAnchorKey(keys.newKey, file.vaultId);
  try {
    if (!anchor || !oldAnchorKey || !macMatches(oldAnchorKey, file.vaultId, anchor)) {
      o.rechain();
      return anchor;
    }
    const refs = [anchor.head, ...anchor.backups];
    const follows = new Set(refs.filter((r) => o.alreadyRechained || auditHashAt(db, r.id) === r.hash).map((r) => r.id));
    o.rechain();
    const follow = (r: AuditHeadRef): AuditHeadRef => {
      const hash = follows.has(r.id) ? auditHashAt(db, r.id) : null;
      return hash ? { id: r.id, hash } : r;
    };
    const body = { head: follow(anchor.head), counter: anchor.counter, backups: anchor.backups.map(follow) };
    return { ...body, mac: anchorMac(newAnchorKey, file.vaultId, body) };
  } finally {
    oldAnchorKey?.fill(0);
    newAnchorKey.fill(0);
  }
}

/** The sentence of the audit record a coordinator's "continue" writes: numbers and a code, nothing personal. */
export function findingDetail(finding: HistoryFinding): string {
  const anchor = finding.anchor
    ? `anchor row ${finding.anchor.id} counter ${finding.anchor.counter}`
    : finding.missing
      ? 'anchor missing'
      : 'anchor MAC wrong';
  return `${finding.problem}: ${anchor}; database row ${finding.database.id} counter ${finding.database.counter}`;
}

/**
 * The anchor of one open vault: checked once when it opens, then advanced. While a finding stands nothing is
 * written to the anchor, so that a lock does not bless the database that was put back.
 */
export class HistoryKeeper {
  private lastWritten: AuditHeadRef | null = null;

  private constructor(
    private readonly slots: SlotStore,
    private readonly vaultId: string,
    private readonly key: Buffer,
    private counter: number,
    private backups: AuditHeadRef[],
    private finding: HistoryFinding | null,
  ) {}

  /**
   * Opens the history of `db`. At an unlock the database is compared with the anchor; a vault that has none yet
   * (made by an earlier build) gets its log chained under the key first, if it was chained plainly. Elsewhere
   * (setup, a restore, a master-key rotation) the database in place is the one the user chose.
   */
  static open(db: Db, slots: SlotStore, o: { masterKey: Buffer; userId: string; atUnlock: boolean; now: Date }): HistoryKeeper {
    const file = slots.read();
    const key = deriveAnchorKey(o.masterKey, file.vaultId);
    const anchor = file.historyAnchor;
    const trusted = anchor && macMatches(key, file.vaultId, anchor) ? anchor : undefined;
    const finding = o.atUnlock ? compareWithAnchor(db, file, key) : null;
    if (o.atUnlock && !anchor && chainingOf(db) === 'plain') keyTheChain(db, o.userId, o.now);
    // The counter only ever grows, even past an anchor whose MAC failed: it is a brake on replay, not a secret.
    const counter = Math.max(databaseCounter(db), anchor?.counter ?? 0);
    // A database the user chose (a restore) takes the anchor's counter, so that the next unlock does not find it behind.
    if (!o.atUnlock && databaseCounter(db) < counter) db.transaction(() => writeSetting(db, HISTORY_COUNTER, counter))();
    const backups = (trusted?.backups ?? []).filter((b) => o.atUnlock || auditHashAt(db, b.id) === b.hash);
    const keeper = new HistoryKeeper(slots, file.vaultId, key, counter, backups, finding);
    // An anchor that already names this database's head is not written again (a reopen after a failed restore).
    const head = auditHead(db);
    if (trusted && head && trusted.head.id === head.id && trusted.head.hash === head.hash) keeper.lastWritten = head;
    return keeper;
  }

  /** What the unlock found, while it stands. */
  get problem(): HistoryFinding | null {
    return this.finding;
  }

  /** Heads of backups made from this vault that the anchor remembers. */
  get backupHeads(): readonly AuditHeadRef[] {
    return this.backups;
  }

  /** The coordinator chose to continue: what was found goes into the log, and the anchor follows the database. */
  accept(db: Db, userId: string, now: Date): void {
    const finding = this.finding;
    if (!finding) return;
    db.transaction(() =>
      appendAudit(db, { userId, action: 'vault.historyAccepted', outcome: 'ok', detail: findingDetail(finding) }, now),
    )();
    this.finding = null;
    // Backup heads no longer in the chain stay: the integrity check goes on saying that history was lost.
    this.advance(db, { force: true, nextCounter: true });
  }

  /** Remembers the head a backup recorded in its manifest, and anchors it. */
  noteBackup(db: Db, head: AuditHeadRef): void {
    this.backups = [...this.backups.filter((b) => b.id !== head.id), head].slice(-ANCHOR_BACKUP_HEADS);
    this.advance(db, { force: true });
  }

  /**
   * Writes the database's head into the anchor if it moved since the last write. With `nextCounter` (at an unlock,
   * and when the coordinator continues) the counter goes up too: first in the database, then in the anchor, so that
   * an interruption leaves the database ahead of the anchor, never behind. The writes after each request change
   * only the slot file: a database write there would put a page back into the WAL that an erasure just emptied.
   */
  advance(db: Db, o: { force?: boolean; nextCounter?: boolean } = {}): void {
    if (this.finding) return;
    const head = auditHead(db);
    if (!head) return;
    const last = this.lastWritten;
    if (!o.force && !o.nextCounter && last && last.id === head.id && last.hash === head.hash) return;
    const counter = o.nextCounter ? this.counter + 1 : this.counter;
    if (o.nextCounter) db.transaction(() => writeSetting(db, HISTORY_COUNTER, counter))();
    const body = { head: { id: head.id, hash: head.hash }, counter, backups: [...this.backups] };
    const anchor: HistoryAnchor = { ...body, mac: anchorMac(this.key, this.vaultId, body) };
    this.slots.write({ ...this.slots.read(), historyAnchor: anchor });
    this.counter = counter;
    this.lastWritten = head;
  }

  /** Zeroes the key; the keeper is of no use afterwards. */
  close(): void {
    this.key.fill(0);
  }
}

/**
 * The first unlock under a build that keys the chain: the log as earlier builds wrote it (plain SHA-256) is checked
 * whole, and only if it holds is every row chained anew under the key, with a record saying so. A log that does not
 * hold is left as it is, for the integrity check to report.
 */
function keyTheChain(db: Db, userId: string, now: Date): void {
  db.transaction(() => {
    const rows = auditHead(db)?.id ?? 0;
    if (rechainAudit(db, 'plain-sha256') !== null) return;
    appendAudit(db, { userId, action: 'audit.chainKeyed', outcome: 'ok', detail: `rows 1-${rows}` }, now);
  })();
}
