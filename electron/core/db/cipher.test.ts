import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { vaultMasterKey } from '../../../tests/support/raw-db';
import { addConsentingParticipant } from '../../../tests/support/participants';
import { passphraseBytes } from '../backup/cipher-file';
import { restoreBackup } from '../backup/restore-job';
import { verifyBackupFile } from '../backup/verify';
import { writeBackup } from '../backup/write-job';
import { derivePackageKey } from '../handover/package-key';
import { FILE_PASSPHRASE, office, transferFolder, type Office } from '../handover/testing/offices';
import { QUIET_JOB } from '../jobs/context';
import { vaultFiles } from '../vault/files';
import { rekeyDatabase } from '../vault/rekey-job';
import { createVaultDatabase, openVaultDatabase } from '../vault/vault-database';
import { openCipher, rawKeyBytes, type Db } from './cipher';
import { COLLEAGUE_PASSPHRASE } from '../../../tests/support/core';

const BACKUP_PASSPHRASE = 'lokakuun varmuuskopio ja hämärä';

interface Connection {
  file: string;
  tempStore: string;
  secureDelete: string;
}

/**
 * Watches the SQLCipher connections made while it runs (every connection that is given a key), and what each ran
 * with just before it closed (or, still open, at the end): `temp_store` 2 is MEMORY.
 */
function watchConnections(): { stop(): Connection[] } {
  const keyed = new Set<Db>();
  const seen: Connection[] = [];
  const settings = (db: Db): Connection => ({
    file: db.name,
    tempStore: String(db.pragma('temp_store', { simple: true })),
    secureDelete: String(db.pragma('secure_delete', { simple: true })),
  });
  const key = Database.prototype.key;
  const close = Database.prototype.close;
  vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Db, bytes: Buffer) {
    keyed.add(this);
    return key.call(this, bytes);
  });
  vi.spyOn(Database.prototype, 'close').mockImplementation(function (this: Db) {
    if (keyed.delete(this)) seen.push(settings(this));
    return close.call(this);
  });
  return {
    stop() {
      vi.mocked(Database.prototype.key).mockRestore();
      vi.mocked(Database.prototype.close).mockRestore();
      for (const db of keyed) if (db.open) seen.push(settings(db));
      return seen;
    },
  };
}

/**
 * Watches the text made while it runs: every string a Buffer is turned into, and every SQL text given to the driver.
 * A key turned into text (hex in a pragma, `x'…'` decoded from a Buffer) shows up in one of them.
 */
function watchTexts(): { stop(): string[] } {
  const texts: string[] = [];
  const toString = Buffer.prototype.toString;
  // `as never` on these stand-ins: the methods are overloaded, which vi.spyOn's types cannot follow.
  vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: Parameters<Buffer['toString']>) {
    const text = toString.apply(this, args);
    texts.push(text);
    return text;
  } as never);
  for (const method of ['pragma', 'prepare', 'exec'] as const) {
    const original = Database.prototype[method] as (this: Db, ...args: unknown[]) => unknown;
    vi.spyOn(Database.prototype, method).mockImplementation(function (this: Db, ...args: unknown[]) {
      for (const arg of args) if (typeof arg === 'string') texts.push(arg);
      return original.apply(this, args);
    } as never);
  }
  return {
    stop() {
      vi.restoreAllMocks();
      return texts;
    },
  };
}

/** The texts that hold one of the keys, in any spelling a key is commonly turned into. */
function holdingKeys(texts: readonly string[], keys: readonly Buffer[]): string[] {
  const spellings = keys.flatMap((key) => {
    const hex = key.toString('hex');
    return [hex, hex.toUpperCase(), key.toString('base64'), key.toString('latin1')];
  });
  return texts.filter((text) => spellings.some((spelling) => text.includes(spelling)));
}

let v: Office;
let folder: string;
let participantId: string;
let masterKey: Buffer;
let run = 0;

beforeAll(async () => {
  v = await office();
  folder = transferFolder();
  participantId = await addConsentingParticipant(v);
  masterKey = await vaultMasterKey(v.t);
}, 60_000);

afterAll(() => {
  v.t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function exportCase(): Promise<string> {
  const file = join(folder, `case-${++run}.polkucase`);
  v.answers.save = file;
  await v.t.ok('handover.export', { participantId, passphrase: FILE_PASSPHRASE, currentPassphrase: COLLEAGUE_PASSPHRASE });
  return file;
}

/** The key a handover file is opened with, derived over its salt (its first 16 bytes, which are not secret). */
async function handoverKey(file: string): Promise<Buffer> {
  return (await derivePackageKey(FILE_PASSPHRASE, readFileSync(file).subarray(0, 16))).key;
}

function writeTestBackup(): { destination: string } {
  const destination = join(folder, `backup-${++run}.polkubackup`);
  writeBackup(
    {
      source: vaultFiles(v.t.dataDir).db,
      target: `${destination}.tmp`,
      destination,
      tempList: join(folder, `temps-${run}.json`),
      masterKey: new Uint8Array(masterKey),
      passphrase: new Uint8Array(passphraseBytes(BACKUP_PASSPHRASE)),
      createdAt: '2026-12-01T10:00:00.000Z',
      appVersion: '0.0.0-test',
      vaultId: 'f'.repeat(32),
      driver: {},
      faults: [],
    },
    QUIET_JOB,
  );
  return { destination };
}

function restoreTestBackup(backupPath: string): string {
  const verified = verifyBackupFile(backupPath, passphraseBytes(BACKUP_PASSPHRASE), {
    driver: {},
    job: QUIET_JOB,
    from: 0,
    to: 1,
    listCoordinators: true,
  });
  const target = join(folder, `restored-${++run}.db`);
  restoreBackup(
    {
      backupPath,
      passphrase: new Uint8Array(passphraseBytes(BACKUP_PASSPHRASE)),
      target,
      tempList: null,
      masterKey: new Uint8Array(masterKey),
      expectedDigest: verified.digest,
      userId: v.coordinatorId,
      settings: [],
      driver: {},
      faults: [],
    },
    QUIET_JOB,
  );
  return target;
}

function newVaultFile(key: Buffer): string {
  const path = join(folder, `vault-${++run}.db`);
  const now = new Date('2026-12-01T10:00:00Z');
  createVaultDatabase(path, key, { vaultId: 'e'.repeat(32), userId: 'd'.repeat(32), displayName: 'Aino', now }, {});
  return path;
}

/**
 * Each kind of connection the app makes, made for real: `setUp` prepares what it needs (unwatched) and returns the
 * step that makes the connections, which returns the keys that opened them.
 */
const KINDS: { kind: string; setUp(): Promise<() => Promise<Buffer[]>> }[] = [
  {
    kind: 'the vault, unlocked with a passphrase',
    setUp: () =>
      Promise.resolve(async () => {
        await v.as('coordinator');
        await v.as('caseworker');
        return [masterKey];
      }),
  },
  {
    kind: 'a new vault database at setup, then opened',
    setUp: () =>
      Promise.resolve(() => {
        const key = randomBytes(32);
        openVaultDatabase(newVaultFile(key), key, {}).close();
        return Promise.resolve([key]);
      }),
  },
  {
    kind: 'writing a backup (the vault read, the copy rekeyed to the passphrase, the written file checked)',
    setUp: () => Promise.resolve(() => (writeTestBackup(), Promise.resolve([masterKey]))),
  },
  {
    kind: 'reading a backup and restoring it (the copy rekeyed to the master key)',
    setUp() {
      const { destination } = writeTestBackup();
      return Promise.resolve(() => (restoreTestBackup(destination), Promise.resolve([masterKey])));
    },
  },
  {
    kind: 'rotating the master key (the rekey of the vault database)',
    setUp() {
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      const path = newVaultFile(oldKey);
      return Promise.resolve(() => {
        const input = { path, temp: `${path}.rekey`, oldKey: new Uint8Array(oldKey), newKey: new Uint8Array(newKey), driver: {} };
        rekeyDatabase(input, QUIET_JOB);
        openVaultDatabase(path, newKey, {}).close();
        return Promise.resolve([oldKey, newKey]);
      });
    },
  },
  {
    kind: 'writing a handover file',
    setUp: () =>
      Promise.resolve(async () => {
        const file = await exportCase();
        return [masterKey, await handoverKey(file)];
      }),
  },
  {
    kind: 'reading a handover file',
    async setUp() {
      const file = await exportCase();
      const key = await handoverKey(file);
      return async () => {
        v.answers.open = file;
        await v.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE });
        return [masterKey, key];
      };
    },
  },
];

describe('every SQLCipher connection the app makes', () => {
  it.each(KINDS)('keeps its temp files in memory and overwrites what it deletes: $kind', async ({ setUp }) => {
    const connect = await setUp();
    const watch = watchConnections();
    try {
      await connect();
    } finally {
      const connections = watch.stop();
      expect(connections.length).toBeGreaterThan(0);
      expect(connections.filter((c) => c.tempStore !== '2' || c.secureDelete !== '1')).toEqual([]);
    }
  });

  it.each(KINDS)('never turns a key into text that cannot be wiped: $kind', async ({ setUp }) => {
    const connect = await setUp();
    const watch = watchTexts();
    let keys: Buffer[];
    let texts: string[];
    try {
      keys = await connect();
    } finally {
      texts = watch.stop();
    }
    expect(texts.length).toBeGreaterThan(0);
    expect(holdingKeys(texts, keys)).toEqual([]);
  });

  it('is seen by these watches when it goes wrong: a key given as hex text, a connection with file temp storage', () => {
    const key = randomBytes(32);
    const texts = watchTexts();
    const connections = watchConnections();
    const db = new Database(join(folder, `careless-${++run}.db`));
    db.pragma(`cipher='sqlcipher'`);
    db.key(Buffer.from(`x'${key.toString('hex')}'`, 'latin1'));
    db.pragma('temp_store=FILE');
    db.close();
    expect(connections.stop()).toEqual([expect.objectContaining({ tempStore: '1' })]);
    expect(holdingKeys(texts.stop(), [key]).length).toBeGreaterThan(0);
  });
});

describe('the raw key SQLCipher is given', () => {
  it("is the text x'<hex digits>' of the key's bytes, then of the salt's", () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      const salt = randomBytes(16);
      expect(rawKeyBytes(key).equals(Buffer.from(`x'${key.toString('hex')}'`, 'latin1'))).toBe(true);
      expect(rawKeyBytes(key, salt).equals(Buffer.from(`x'${key.toString('hex')}${salt.toString('hex')}'`, 'latin1'))).toBe(true);
    }
  });

  it('is never empty, which would leave the file unencrypted', () => {
    const path = join(folder, `empty-key-${++run}.db`);
    expect(() => openCipher(path, { kind: 'passphrase', bytes: Buffer.alloc(0) }, { driver: {}, create: true })).toThrow();
    expect(existsSync(path)).toBe(false);
  });

  it('opens only the file it was written under, and a missing vault database is not created in its place', () => {
    const key = randomBytes(32);
    const path = newVaultFile(key);
    expect(() => openVaultDatabase(path, randomBytes(32), {})).toThrow(expect.objectContaining({ code: 'db_foreign' }));
    const missing = join(folder, 'missing.db');
    expect(() => openVaultDatabase(missing, key, {})).toThrow(expect.objectContaining({ code: 'db_missing' }));
    expect(existsSync(missing)).toBe(false);
  });
});
