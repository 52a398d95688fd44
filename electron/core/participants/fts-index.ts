import type { Db } from '../db/open';
import { quoteName } from './row-graph';

/** An FTS5 index over the text of an ordinary (content) table. */
export interface FullTextIndex {
  name: string;
  /** The content table whose rows it indexes. */
  content: string;
  /** The indexed columns, named as in the content table. */
  columns: string[];
  /** The tokenizer option as written in the schema, or null for FTS5's default. */
  tokenize: string | null;
}

/** The FTS5 indexes of the schema that index a content table. */
export function fullTextIndexes(db: Db): FullTextIndex[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`)
    .all() as { name: string; sql: string }[];
  return rows.flatMap(({ name, sql }) => {
    const content = /\bcontent\s*=\s*'([^']+)'/i.exec(sql)?.[1];
    if (!content) return [];
    const columns = (db.pragma(`table_info(${quoteName(name)})`) as { name: string }[]).map((c) => c.name);
    return [{ name, content, columns, tokenize: /\btokenize\s*=\s*'([^']*)'/i.exec(sql)?.[1] ?? null }];
  });
}

/** An FTS5 special command. FTS5 refuses them with bound parameters; the verbs and values here are fixed. */
export function ftsCommand(db: Db, index: string, verb: 'optimize' | 'flush' | 'secure-delete', value?: 0 | 1): void {
  const table = quoteName(index);
  const sql =
    value === undefined
      ? `INSERT INTO ${table} (${table}) VALUES ('${verb}')`
      : `INSERT INTO ${table} (${table}, rank) VALUES ('${verb}', ${value})`;
  db.prepare(sql).run();
}

/**
 * Writes the whole index anew as one segment, dropping deleted entries and the old page directory. FTS5's
 * 'optimize' does nothing to an index that is one segment already, so a throw-away entry, added and deleted as a
 * plain delete marker, first makes it two.
 */
export function rewriteIndex(db: Db, index: FullTextIndex): void {
  const table = quoteName(index.name);
  const column = quoteName(index.columns[0] ?? '');
  const { lowest } = db.prepare(`SELECT min(rowid) AS lowest FROM ${table}`).get() as { lowest: number | null };
  const spare = Math.min(0, lowest ?? 0) - 1;
  ftsCommand(db, index.name, 'secure-delete', 0);
  db.prepare(`INSERT INTO ${table} (rowid, ${column}) VALUES (?, 'x')`).run(spare);
  db.prepare(`INSERT INTO ${table} (${table}, rowid, ${column}) VALUES ('delete', ?, 'x')`).run(spare);
  ftsCommand(db, index.name, 'optimize');
  ftsCommand(db, index.name, 'secure-delete', 1);
}

/** The whole UTF-8 characters at the start of `bytes` (a page key may end inside a character). */
function wholeCharacters(bytes: Buffer): Buffer {
  for (let end = bytes.length; end > 0; end--) {
    const head = bytes.subarray(0, end);
    if (Buffer.from(head.toString('utf8'), 'utf8').equals(head)) return head;
  }
  return Buffer.alloc(0);
}

/**
 * The index's page keys (its `_idx` shadow table, without FTS5's one-byte index marker) that are a prefix of one of
 * `words` and of no term the index still holds: keys left by deleted words. Flush pending changes first.
 */
export function orphanPageKeys(db: Db, index: FullTextIndex, words: readonly string[]): Buffer[] {
  // Every prefix of every word, as byte strings, so that each key is looked up once.
  const prefixes = new Set<string>();
  for (const word of words) {
    const bytes = Buffer.from(word, 'utf8');
    for (let end = 1; end <= bytes.length; end++) prefixes.add(bytes.toString('latin1', 0, end));
  }
  const keys = (
    db
      .prepare(`SELECT term FROM ${quoteName(`${index.name}_idx`)}`)
      .pluck()
      .all() as Uint8Array[]
  )
    .map((term) => Buffer.from(term).subarray(1))
    .filter((key) => key.length > 0 && prefixes.has(key.toString('latin1')));
  if (keys.length === 0) return [];
  const vocab = `temp.${quoteName(`polku_live_terms_${index.name}`)}`;
  db.exec(`CREATE VIRTUAL TABLE ${vocab} USING fts5vocab(main, ${quoteName(index.name)}, 'row')`);
  try {
    const from = db.prepare(`SELECT term FROM ${vocab} WHERE term >= ? ORDER BY term`).pluck();
    return keys.filter((key) => {
      const start = wholeCharacters(key);
      for (const term of from.iterate(start.toString('utf8')) as IterableIterator<string>) {
        const bytes = Buffer.from(term, 'utf8');
        if (bytes.subarray(0, key.length).equals(key)) return false;
        if (!bytes.subarray(0, start.length).equals(start)) break;
      }
      return true;
    });
  } finally {
    db.exec(`DROP TABLE ${vocab}`);
  }
}

/** The words FTS5 makes of `texts` with the index's own tokenizer (case and accents folded as it folds them). */
export function wordsOf(db: Db, index: FullTextIndex, texts: readonly string[]): string[] {
  const table = `temp.${quoteName(`polku_words_${index.name}`)}`;
  const vocab = `temp.${quoteName(`polku_words_${index.name}_vocab`)}`;
  const tokenize = index.tokenize === null ? '' : `, tokenize = '${index.tokenize.replaceAll("'", "''")}'`;
  db.exec(`CREATE VIRTUAL TABLE ${table} USING fts5 (words${tokenize})`);
  try {
    const insert = db.prepare(`INSERT INTO ${table} (words) VALUES (?)`);
    for (const text of texts) insert.run(text);
    db.exec(`CREATE VIRTUAL TABLE ${vocab} USING fts5vocab(temp, ${quoteName(`polku_words_${index.name}`)}, 'row')`);
    try {
      return db.prepare(`SELECT term FROM ${vocab}`).pluck().all() as string[];
    } finally {
      db.exec(`DROP TABLE ${vocab}`);
    }
  } finally {
    db.exec(`DROP TABLE ${table}`);
  }
}
