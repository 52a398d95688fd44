import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { assertNoWal } from './swap';

describe('a WAL left beside the vault database stops a swap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-swap-'));
  afterEach(() => rmSync(join(dir, 'polku.db-wal'), { force: true }));

  it('answers the documented write failure, not internal', () => {
    writeFileSync(join(dir, 'polku.db-wal'), Buffer.alloc(32, 1));
    let thrown: unknown = null;
    try {
      assertNoWal(join(dir, 'polku.db'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('backup_write_failed');
  });

  it('lets an empty or missing WAL pass', () => {
    expect(() => assertNoWal(join(dir, 'polku.db'))).not.toThrow();
    writeFileSync(join(dir, 'polku.db-wal'), Buffer.alloc(0));
    expect(() => assertNoWal(join(dir, 'polku.db'))).not.toThrow();
  });
});
