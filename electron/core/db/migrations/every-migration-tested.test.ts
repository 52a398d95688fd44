import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';

/** The migration files in `files` (names of one folder) that have no `.test.ts` of the same name beside them. */
export function migrationsWithoutTest(files: readonly string[]): string[] {
  const present = new Set(files);
  return files
    .filter((file) => /^\d{4}-.+\.ts$/.test(file) && !file.endsWith('.test.ts'))
    .filter((file) => !present.has(file.replace(/\.ts$/, '.test.ts')));
}

describe('every migration', () => {
  const files = readdirSync(import.meta.dirname);

  it('has a test beside it, written with migration-test.ts (go to N-1, insert rows, go to N, assert)', () => {
    expect(
      migrationsWithoutTest(files),
      'These migrations have no NNNN-name.test.ts beside them; add one using migration-test.ts',
    ).toEqual([]);
  });

  it('is a file of its own, named after its version and name', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.name).toMatch(new RegExp(`^${String(migration.version).padStart(4, '0')}-`));
      expect(files, `the file of ${migration.name}`).toContain(`${migration.name}.ts`);
    }
  });

  it('is found missing its test by name', () => {
    expect(migrationsWithoutTest(['0001-a.ts', '0001-a.test.ts', '0002-b.ts', 'index.ts', 'migration-test.ts'])).toEqual([
      '0002-b.ts',
    ]);
  });
});
