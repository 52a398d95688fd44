/**
 * Printouts call a code what the screen calls it: the print's code names are read from the code set's one home in
 * the catalogue (shared/i18n/vocabulary.ts), never from wording of its own. shared/i18n/vocabulary.test.ts checks
 * the catalogue and the printout wording themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_SETS } from '@shared/i18n/vocabulary';

describe('printouts take the names of codes from their home', () => {
  const root = join(__dirname, '..');
  const sources = ['print', 'print/sections', 'schedule'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(join(root, folder, file), 'utf8') })),
  );

  /** Keys built from something that is not a code: a print section's id, a field's name. */
  const NOT_CODES: Readonly<Record<string, string>> = {
    'print.sections': "the print sections are the print dialog's choices, not codes of the records",
    'participant.fields': "the names of a participant's fields, the same words as the form",
    'referrals.sharedFields': 'the names of the fields a referral shares, the same words as the referral form',
    // Its helper's calls with a code, a(`marks.${mark}`), would show here under their own prefix and fail.
    'print.attendance': "the attendance print's own headings and captions, reached through its helper a()",
    'print.referrals': "the referrals section's own headings and captions, reached through its helper l()",
    'print.plan': "the plan section's own headings and captions, reached through its helper l()",
    referralLetter: "the referral letter's own headings and sentences, reached through its helper l()",
    planPrint: "the printed plan's own headings and sentences, reached through its helper p()",
    'assessments.progress': "the progress picture's words, the screen's own, reached through the section's helper p()",
  };

  it('reads a code name only through a home key', () => {
    const homes = new Set(CODE_SETS.map((set) => set.home));
    // A key built from a code: `some.prefix.${code}` in any call, or a prefix handed to basic.ts's coded().
    const built = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\(\s*`([\w.]+)\.\$\{/g), ...text.matchAll(/\bcoded\(\s*\w+,\s*'([\w.]+)'/g)].map((match) => ({
        file,
        prefix: match[1] ?? '',
      })),
    );
    expect(built.length).toBeGreaterThan(0);
    const strays = built.filter(({ prefix }) => !homes.has(prefix) && !Object.hasOwn(NOT_CODES, prefix));
    expect(strays.map(({ file, prefix }) => `${file}: ${prefix}`)).toEqual([]);
  });
});
