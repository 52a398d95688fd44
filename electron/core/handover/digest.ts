import type { Db } from '../db/open';
import { rowDigest, rowOrder } from '../db/row-digest';
import { ordinaryTables, quoteName } from '../participants/row-graph';
import { MANIFEST_TABLE } from './manifest';

/** The tables whose rows a handover file carries: all ordinary tables but the manifest, by name. */
function contentTables(db: Db): string[] {
  return ordinaryTables(db)
    .filter((name) => name !== MANIFEST_TABLE)
    .sort();
}

/** Rows per table that has any. */
export function countRows(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of contentTables(db)) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM ${quoteName(table)}`).get() as { n: number };
    if (n > 0) counts[table] = n;
  }
  return counts;
}

/** Whether two sets of counts are the same. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The digest of the schema and every row of every content table (see db/row-digest.ts): equal digests mean every
 * query returns the same bytes.
 */
export function contentDigest(db: Db): string {
  return rowDigest(
    db,
    MANIFEST_TABLE,
    contentTables(db).map((name) => ({ name, orderBy: rowOrder(db, name) })),
  );
}
