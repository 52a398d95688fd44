import type { Db } from './open';

/** A statement with its bound parameters; built only by the `sql` tag so values never enter the SQL text. */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Tagged template: sql`SELECT * FROM users WHERE id = ${id}` -> text with `?` and the bound values. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  return { text: strings.join('?'), values };
}

type Statement = ReturnType<Db['prepare']>;
const statementCache = new WeakMap<Db, Map<string, Statement>>();

function prepare(
  db: Db,
  text: string,
): {
  all(...v: unknown[]): unknown[];
  get(...v: unknown[]): unknown;
  run(...v: unknown[]): { changes: number; lastInsertRowid: number | bigint };
} {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** All rows of a query. */
export function all<Row>(db: Db, query: SqlQuery): Row[] {
  return prepare(db, query.text).all(...query.values) as Row[];
}

/** The first row of a query, or undefined. */
export function get<Row>(db: Db, query: SqlQuery): Row | undefined {
  return prepare(db, query.text).get(...query.values) as Row | undefined;
}

/** Runs a write; returns the number of changed rows and the last inserted rowid. */
export function run(db: Db, query: SqlQuery): { changes: number; lastInsertRowid: number | bigint } {
  return prepare(db, query.text).run(...query.values);
}
