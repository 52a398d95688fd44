import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stemsOf } from '@shared/search-stems';
import { MAX_TERMS, toMatchExpression } from './match';

/** A real FTS5 table with the notes index's columns and tokenizer, to run expressions against. */
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5 (text, stems, tokenize = 'unicode61 remove_diacritics 2')`);
const texts = [
  'Työpaikka löytyi, ja hän aloittaa maanantaina.',
  'We talked about work OR school and the NEAR future.',
  'Svenska språket: hon övar varje dag.',
  'e-mail and C++ course (evening)',
];
const insert = db.prepare('INSERT INTO t (rowid, text, stems) VALUES (?, ?, ?)');
texts.forEach((text, i) => insert.run(i + 1, text, stemsOf(text)));
afterAll(() => db.close());

const found = (query: string) => {
  const match = toMatchExpression(query);
  return match === null
    ? null
    : (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(match) as { rowid: number }[]).map((r) => r.rowid);
};

/** Where a word is looked for as typed: every column but the stem keys. */
const typed = (phrase: string) => `-{stems} : ${phrase}`;

describe('turning a typed query into a search expression', () => {
  it('quotes every word and matches the last one as a prefix while it is being typed', () => {
    expect(toMatchExpression('e-mail ab')).toBe(`${typed('"e-mail"')} AND ${typed('"ab"*')}`);
    expect(toMatchExpression('e-mail ab ')).toBe(`${typed('"e-mail"')} AND ${typed('"ab"')}`);
    expect(toMatchExpression('e-mail ab.')).toBe(`${typed('"e-mail"')} AND ${typed('"ab."')}`);
  });

  it('looks for a word also by its stem keys, matched whole in the stems column', () => {
    expect(toMatchExpression('tulkki ')).toBe(`(${typed('"tulkki"')} OR {stems} : ("tulk" OR "tulkki"))`);
    expect(toMatchExpression('tulkki')).toBe(`(${typed('"tulkki"*')} OR {stems} : ("tulk" OR "tulkki"))`);
  });

  it('matches no one-letter prefix, which would match almost everything', () => {
    expect(toMatchExpression('e-mail h')).toBe(`${typed('"e-mail"')} AND ${typed('"h"')}`);
  });

  it('finds nothing to search for in an empty query or one of punctuation only', () => {
    for (const query of ['', '   ', '"', '***', '()', '- + ^ :', '"" ""', '…'])
      expect(toMatchExpression(query), query).toBeNull();
  });

  it('makes search syntax plain text: operators, quotes, stars, brackets and column filters', () => {
    expect(toMatchExpression('OR AND')).toBe(`${typed('"OR"')} AND (${typed('"AND"*')} OR {stems} : ("and"))`);
    expect(toMatchExpression('NEAR(a b)')).toBe(`${typed('"NEAR(a"')} AND ${typed('"b)"')}`);
    expect(toMatchExpression('text:secret')).toBe(typed('"text:secret"*'));
    expect(toMatchExpression('"hi"')).toBe(typed('"""hi"""'));
    expect(toMatchExpression('-työ ^alku *')).toBe(`${typed('"-työ"')} AND ${typed('"^alku"')}`);
  });

  it('keeps at most MAX_TERMS words, the last of them matched whole', () => {
    const words = Array.from({ length: MAX_TERMS + 3 }, (_, i) => `sana${i}`);
    const match = toMatchExpression(words.join(' '));
    expect(match?.split(' AND ')).toHaveLength(MAX_TERMS);
    expect(match?.endsWith(typed(`"sana${MAX_TERMS - 1}"`))).toBe(true);
  });

  it('finds words whatever their case and accents, and operator words only as words', () => {
    expect(found('tyopaikka')).toEqual([1]);
    expect(found('TYÖPAIKKA')).toEqual([1]);
    expect(found('tyopa')).toEqual([1]);
    expect(found('sprak')).toEqual([3]);
    expect(found('Ovar')).toEqual([3]);
    expect(found('work OR school')).toEqual([2]);
    expect(found('work OR maanantaina')).toEqual([]);
    expect(found('NEAR(future')).toEqual([2]);
    expect(found('e-mail')).toEqual([4]);
    expect(found('(evening)')).toEqual([4]);
  });

  it('never produces an expression the search engine refuses, whatever is typed', () => {
    const statement = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?');
    const typed = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc
        .array(
          fc.constantFrom('AND', 'OR', 'NOT', 'NEAR', '(', ')', '"', '*', '^', ':', '-', '+', 'text', 'työ', ' ', '{', '}'),
          {
            maxLength: 30,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(typed, (query) => {
        const match = toMatchExpression(query);
        if (match !== null) statement.get(match);
      }),
      { numRuns: 2000 },
    );
  });
});
