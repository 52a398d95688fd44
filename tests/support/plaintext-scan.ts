/**
 * Looks for words in everything a vault's data folder holds, as plaintext: the database file and its WAL page by
 * page, decrypted with the master key (electron/core/vault/verifier.ts), and every other file as its raw bytes.
 * A byte scan of the encrypted files alone would prove nothing. Every page is read, live or not: freed pages,
 * free space inside pages, and WAL frames of earlier generations past the WAL's valid end.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decryptPage, PAGE_SIZE } from '../../electron/core/vault/verifier';

export interface PlaintextHit {
  file: string;
  /** 'page 7' of the database, 'frame 3 (page 7)' of the WAL, or 'raw' for other files. */
  where: string;
  needle: string;
}

/** The files under the master key, decrypted page by page: the database, its WAL and the one a restore keeps. */
const DATABASE_FILES = ['polku.db', 'polku.db-wal', 'polku.previous.db'];
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** ASCII letters in lower case, so that a case-folded full-text token and a name in capitals both match. */
function lowerAscii(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const byte = out[i] ?? 0;
    if (byte >= 0x41 && byte <= 0x5a) out[i] = byte + 0x20;
  }
  return out;
}

/** The forms a needle may take in plaintext: UTF-8 (the database's encoding) and UTF-16LE, in lower case. */
function formsOf(needle: string): Buffer[] {
  const lower = needle.toLowerCase();
  return [Buffer.from(lower, 'utf8'), Buffer.from(lower, 'utf16le')];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each page of the file with its page number: the database's pages in order, or a WAL's frames. */
function* pagesOf(path: string, bytes: Buffer): Generator<{ where: string; pageNumber: number; page: Buffer }> {
  if (path.endsWith('-wal')) {
    for (let at = WAL_HEADER, frame = 1; at + FRAME_HEADER + PAGE_SIZE <= bytes.length; at += FRAME_HEADER + PAGE_SIZE) {
      const pageNumber = bytes.readUInt32BE(at);
      yield {
        where: `frame ${frame++} (page ${pageNumber})`,
        pageNumber,
        page: bytes.subarray(at + FRAME_HEADER, at + FRAME_HEADER + PAGE_SIZE),
      };
    }
    return;
  }
  for (let at = 0; at + PAGE_SIZE <= bytes.length; at += PAGE_SIZE) {
    const pageNumber = at / PAGE_SIZE + 1;
    yield { where: `page ${pageNumber}`, pageNumber, page: bytes.subarray(at, at + PAGE_SIZE) };
  }
}

/**
 * Every place in the data folder where one of `needles` (compared case-insensitively) appears in plaintext.
 * `polku.db`, `polku.db-wal` and `polku.previous.db` (kept by a restore until it is kept or undone) are decrypted
 * page by page with `masterKey`; they and all other files are also scanned raw.
 */
export function plaintextHits(dataDir: string, masterKey: Buffer, needles: readonly string[]): PlaintextHit[] {
  const hits: PlaintextHit[] = [];
  const forms = needles.map((needle) => ({ needle, forms: formsOf(needle) }));
  const scan = (file: string, where: string, plain: Buffer) => {
    const lower = lowerAscii(plain);
    for (const { needle, forms: variants } of forms)
      if (variants.some((form) => lower.includes(form))) hits.push({ file, where, needle });
  };
  for (const path of filesUnder(dataDir)) {
    const file = path.slice(dataDir.length + 1);
    const bytes = readFileSync(path);
    scan(file, 'raw', bytes);
    if (!DATABASE_FILES.includes(file)) continue;
    for (const { where, pageNumber, page } of pagesOf(path, bytes)) {
      const plain = decryptPage(page, pageNumber, masterKey);
      scan(file, where, plain);
      plain.fill(0);
    }
  }
  return hits;
}

/** The files among the hits, for a short failure message. */
export function hitFiles(hits: readonly PlaintextHit[]): string[] {
  return [...new Set(hits.map((hit) => hit.file))].sort();
}
