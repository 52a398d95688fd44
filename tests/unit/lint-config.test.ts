/** The project's ESLint configuration as it stands, on small sources placed where the project's files live. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('the lint configuration', () => {
  it('refuses a calendar day taken from the UTC date of a moment, in core, contract and interface code', async () => {
    const code = 'export const day = new Date().toISOString().slice(0, 10);\n';
    for (const file of ['electron/core/notes/day.ts', 'shared/day.ts', 'renderer/src/features/notes/day.ts']) {
      expect(await messages(file, code), file).toEqual([
        'no-restricted-syntax: A calendar day comes from shared/days.ts (dayOf, today): the UTC date is the wrong day near midnight.',
      ]);
    }
  });

  it('lets core code open a database only through db/cipher.ts', async () => {
    const code =
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const open = (path: string) => new Database(path);\n";
    expect(await messages('electron/core/notes/open.ts', code)).toEqual([
      "no-restricted-imports: 'better-sqlite3-multiple-ciphers' import is restricted from being used. Open databases through electron/core/db/cipher.ts, which keys them and keeps temp files in memory.",
    ]);
    expect(await messages('electron/core/db/cipher.ts', code)).toEqual([]);
  });
});
