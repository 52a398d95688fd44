import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export interface OpenOptions {
  /** better-sqlite3 binary built for the running runtime (Electron's ABI inside the app). */
  nativeBinding?: string;
}

/**
 * What opens an SQLCipher file: the vault's raw 32-byte master key; a handover file's key derived from its
 * passphrase, with the file's salt; or a backup passphrase's bytes (SQLCipher's own PBKDF2 derives the key).
 */
export type CipherKey =
  | { kind: 'raw'; key: Buffer }
  | { kind: 'derived'; key: Buffer; salt: Buffer }
  | { kind: 'passphrase'; bytes: Buffer };

export interface CipherOpenOptions {
  driver: OpenOptions;
  readonly?: boolean;
  /** Whether a missing file is created; otherwise a missing file fails (SQLITE_CANTOPEN) instead of becoming an empty database. */
  create?: boolean;
  /**
   * Holds the file for this connection alone (`locking_mode=EXCLUSIVE`, set before the first read): a WAL database
   * then keeps its index in memory instead of the `-shm` file beside it, which a full disk has no room for.
   */
  exclusive?: boolean;
}

/** The settings every SQLCipher connection of the app has, read back after the open. */
export const CIPHER_SETTINGS = { cipher: 'sqlcipher', legacy: 4, temp_store: 2, secure_delete: 1 } as const;

const RAW_KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const ASCII_X = 0x78;
const ASCII_QUOTE = 0x27;

function hexDigit(nibble: number): number {
  return nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10;
}

/**
 * The bytes SQLCipher takes as a raw key, `x'<hex digits>'`, written digit by digit into a Buffer: the key never
 * becomes a JS string, which could not be wiped. Zero the result after use.
 */
export function rawKeyBytes(...parts: readonly Buffer[]): Buffer {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const text = Buffer.alloc(3 + 2 * length);
  text[0] = ASCII_X;
  text[1] = ASCII_QUOTE;
  let at = 2;
  for (const part of parts) {
    for (const byte of part) {
      text[at++] = hexDigit(byte >> 4);
      text[at++] = hexDigit(byte & 0x0f);
    }
  }
  text[at] = ASCII_QUOTE;
  return text;
}

/**
 * The bytes a passphrase keys SQLCipher with (backups, handover files): Unicode NFC as UTF-8, so that "ä" typed on
 * any keyboard or system opens the file (other SQLCipher tools receive what is typed, which is NFC on every common
 * keyboard). Zero them after use.
 */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** What the driver's key()/rekey() receives for `key`; a new Buffer the caller zeroes. */
function keyBytes(key: CipherKey): Buffer {
  switch (key.kind) {
    case 'raw':
      if (key.key.length !== RAW_KEY_LENGTH) throw new Error('a raw SQLCipher key has 32 bytes');
      return rawKeyBytes(key.key);
    case 'derived':
      if (key.key.length !== RAW_KEY_LENGTH || key.salt.length !== SALT_LENGTH)
        throw new Error('a derived SQLCipher key has 32 bytes and a 16-byte salt');
      return rawKeyBytes(key.key, key.salt);
    case 'passphrase':
      // An empty key means no encryption at all to SQLCipher: the file would be written as plaintext.
      if (key.bytes.length === 0) throw new Error('an SQLCipher passphrase is never empty');
      return Buffer.from(key.bytes);
  }
}

/**
 * Opens an SQLCipher 4 file the one way every connection of the app is opened: `cipher='sqlcipher'`,
 * `legacy=4`, the key through the driver's key() as a Buffer that is zeroed at once, `temp_store=MEMORY` (SQLite's
 * temp files are not encrypted, and a sort or index build would spill plaintext into them) and
 * `secure_delete=ON`, set before the first read; then the schema is read, because the key is accepted whatever it
 * is and only the first read fails; then the settings are read back. Journal mode and foreign keys are the
 * caller's: they differ between the vault, a backup and a handover file.
 */
export function openCipher(path: string, key: CipherKey, options: CipherOpenOptions): Db {
  // Built before the file is touched: a key that cannot be given leaves no new file behind.
  const bytes = keyBytes(key);
  try {
    const db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: !(options.create ?? false),
      ...(options.driver.nativeBinding ? { nativeBinding: options.driver.nativeBinding } : {}),
    });
    try {
      db.pragma(`cipher='${CIPHER_SETTINGS.cipher}'`);
      db.pragma(`legacy=${CIPHER_SETTINGS.legacy}`);
      db.key(bytes);
      bytes.fill(0);
      if (options.exclusive) db.pragma('locking_mode=EXCLUSIVE');
      db.pragma('temp_store=MEMORY');
      db.pragma('secure_delete=ON');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      assertCipherSettings(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } finally {
    bytes.fill(0);
  }
}

/**
 * Attaches the SQLCipher file at `path` (made when missing) to `db` as `schema`, keyed by `key` with the connection's
 * cipher settings (set by openCipher), and checks that they took effect on it. The key goes as a bound Buffer,
 * zeroed at once.
 */
export function attachCipher(db: Db, path: string, schema: string, key: CipherKey): void {
  const bytes = keyBytes(key);
  try {
    db.prepare(`ATTACH DATABASE ? AS "${schema}" KEY ?`).run(path, bytes);
  } finally {
    bytes.fill(0);
  }
  for (const name of ['cipher', 'legacy'] as const) {
    if (String(db.pragma(`"${schema}".${name}`, { simple: true })) !== String(CIPHER_SETTINGS[name])) {
      db.prepare(`DETACH DATABASE "${schema}"`).run();
      throw new Error(`SQLCipher setting ${name} did not take effect on ${schema}`);
    }
  }
}

/** The settings of an open connection, as SQLite reports them (the cipher's as text, SQLite's own as numbers). */
export function cipherSettings(db: Db): Record<keyof typeof CIPHER_SETTINGS, string> {
  return {
    cipher: String(db.pragma('cipher', { simple: true })),
    legacy: String(db.pragma('legacy', { simple: true })),
    temp_store: String(db.pragma('temp_store', { simple: true })),
    secure_delete: String(db.pragma('secure_delete', { simple: true })),
  };
}

function assertCipherSettings(db: Db): void {
  const actual = cipherSettings(db);
  for (const name of Object.keys(CIPHER_SETTINGS) as (keyof typeof CIPHER_SETTINGS)[]) {
    if (actual[name] !== String(CIPHER_SETTINGS[name])) throw new Error(`SQLCipher setting ${name} did not take effect`);
  }
}

/**
 * An empty, unencrypted database in memory, for comparing a file's schema with what the migrations make. It must
 * never hold a row of data: it has no key, and memory is its only storage (temp_store too).
 */
export function openSchemaScratch(options: OpenOptions): Db {
  const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * A database in memory only, without a key or a file (`temp_store=MEMORY` too), for the psychologists' search index
 * over their decrypted private notes (psychosocial/private.ts): it lives as long as the session holds the
 * compartment key and is closed with it.
 */
export function openMemoryOnly(options: OpenOptions): Db {
  const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('temp_store = MEMORY');
  return db;
}
