import { describe, expect, it } from 'vitest';
import { shareShown, sumRelation, suppressCounts, tableRelations, type Count, type Relation, type Shown } from './suppression';
import { REPORT_THRESHOLD } from '@shared/reports';
import { recoverableByEnumeration } from './testing/recoverable';
import { testTable } from './testing/tables';

const kinds = (shown: ReadonlyMap<string, Shown>, keys: readonly string[]): string[] =>
  keys.map((key) => {
    const s = shown.get(key);
    return s?.kind === 'value' ? String(s.value) : (s?.kind ?? 'missing');
  });

const hiddenKeys = (shown: ReadonlyMap<string, Shown>): string[] =>
  [...shown].filter(([, s]) => s.kind === 'hidden').map(([key]) => key);

/** Nothing suppressed can be worked out, by the test's own enumeration (hidden counts capped at the largest count). */
const expectNothingRecoverable = (
  counts: readonly Count[],
  relations: readonly Relation[],
  shown: ReadonlyMap<string, Shown>,
  k: number,
): void => {
  const cap = Math.max(...counts.map((c) => c.value)) + k;
  expect(recoverableByEnumeration(counts, relations, shown, k, cap)).toEqual([]);
};

describe('small-cell suppression of a report', () => {
  it('shows a count of 2 as small and hides one more cell in its row, one in its column and the fourth corner, keeping the totals', () => {
    //        f  m  o | total
    // row 0: 2  6  7 | 15
    // row 1: 5  8  9 | 22
    const t = testTable('t', [
      [2, 6, 7],
      [5, 8, 9],
    ]);
    const shown = suppressCounts(t.counts, t.relations, 5);
    expect(shown.get(t.cell(0, 0))).toEqual({ kind: 'small' });
    // The cheapest rectangle: the 6 beside it, the 5 below it and the 8 in the opposite corner.
    expect(hiddenKeys(shown).sort()).toEqual([t.cell(0, 1), t.cell(1, 0), t.cell(1, 1)].sort());
    expect(kinds(shown, [t.rowTotal(0), t.rowTotal(1), t.columnTotal(0), t.columnTotal(1), t.columnTotal(2)])).toEqual([
      '15',
      '22',
      '7',
      '14',
      '16',
    ]);
    expect(shown.get(t.grandTotal)).toEqual({ kind: 'value', value: 37 });
    expect(shown.get(t.cell(0, 2))).toEqual({ kind: 'value', value: 7 });
    expectNothingRecoverable(t.counts, t.relations, shown, 5);
  });

  it('shows a row of 1 + 2 = 3 as three small counts, since a total is a count too, and hides nothing more', () => {
    const counts: Count[] = [
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'total', value: 3 },
    ];
    const relations = tableRelations({ cells: [['a', 'b']], rowTotals: ['total'] });
    const shown = suppressCounts(counts, relations, 5);
    expect(kinds(shown, ['a', 'b', 'total'])).toEqual(['small', 'small', 'small']);
    expectNothingRecoverable(counts, relations, shown, 5);
  });

  it('hides a small count when its relation holds small counts only: under k = 3, <3 + <3 = <3 can only be 1 + 1 = 2', () => {
    const counts: Count[] = [
      { key: 'a', value: 1 },
      { key: 'b', value: 1 },
      { key: 'total', value: 2 },
    ];
    const relations = [sumRelation(['a', 'b'], 'total')];
    expect(recoverableByEnumeration(counts, relations, primaryOnly(counts, 3), 3, 10)).toEqual(['a', 'b', 'total']);
    const shown = suppressCounts(counts, relations, 3);
    expect(kinds(shown, ['a', 'b', 'total'])).toEqual(['small', 'small', 'hidden']);
    expectNothingRecoverable(counts, relations, shown, 3);
  });

  it('counts whole numbers only: 2·a + 3·b = 7 has one whole solution though a real one ranges wider, so the 7 is hidden', () => {
    // E.g. sessions of two and of three hours making 7 hours: a in 1..2 and b in 1..5/3 as real numbers, but only
    // a = 2, b = 1 in whole numbers, so the small counts would be worked out from the 7.
    const counts: Count[] = [
      { key: 'a', value: 2 },
      { key: 'b', value: 1 },
      { key: 'hours', value: 7 },
    ];
    const relations: Relation[] = [
      {
        kind: 'eq',
        terms: [
          { key: 'a', coefficient: 2 },
          { key: 'b', coefficient: 3 },
          { key: 'hours', coefficient: -1 },
        ],
      },
    ];
    expect(recoverableByEnumeration(counts, relations, primaryOnly(counts, 5), 5, 20)).toEqual(['a', 'b']);
    const shown = suppressCounts(counts, relations, 5);
    expect(kinds(shown, ['a', 'b', 'hours'])).toEqual(['small', 'small', 'hidden']);
    expectNothingRecoverable(counts, relations, shown, 5);
  });

  it('protects a cell in two tables of the same participants, by age and by education, that share their totals', () => {
    // By age (18–29, 30–54, 55+) and by education (ISCED 0–2, 3–4, 5–8), women and men: one totals row for both.
    const age = testTable('age', [
      [3, 6],
      [7, 5],
      [2, 6],
    ]);
    const education = testTable(
      'education',
      [
        [5, 7],
        [5, 4],
        [2, 6],
      ],
      'age',
    );
    const counts = [...age.counts, ...education.counts];
    const relations = [...age.relations, ...education.relations];
    const shown = suppressCounts(counts, relations, 5);
    expect(kinds(shown, [age.columnTotal(0), age.columnTotal(1), age.grandTotal])).toEqual(['12', '17', '29']);
    expect(kinds(shown, [age.cell(0, 0), age.cell(2, 0), education.cell(1, 1), education.cell(2, 0)])).toEqual([
      'small',
      'small',
      'small',
      'small',
    ]);
    expectNothingRecoverable(counts, relations, shown, 5);
  });

  it('does not let the difference between two tables reveal a cell: all participants less those counted', () => {
    // All participants by gender, those counted (with consent to funder statistics), and those not counted.
    const all = testTable('all', [[6, 6]]);
    const counted = testTable('counted', [[6, 5]]);
    const notCounted = testTable('not-counted', [[0, 1]]);
    const difference: Relation[] = [0, 1, 'total'].map((c) => ({
      kind: 'eq',
      terms: [
        { key: `all/total/${c}`, coefficient: 1 },
        { key: `counted/total/${c}`, coefficient: -1 },
        { key: `not-counted/total/${c}`, coefficient: -1 },
      ],
    }));
    const counts = [...all.counts, ...counted.counts, ...notCounted.counts];
    const relations = [...all.relations, ...counted.relations, ...notCounted.relations, ...difference];

    // Each table suppressed on its own looks safe, yet 6 − 5 gives the one man not counted.
    const alone = new Map([
      ...suppressCounts(all.counts, all.relations, 5),
      ...suppressCounts(counted.counts, counted.relations, 5),
      ...suppressCounts(notCounted.counts, notCounted.relations, 5),
    ]);
    expect(recoverableByEnumeration(counts, relations, alone, 5, 20)).toContain('not-counted/0/1');

    const together = suppressCounts(counts, relations, 5);
    expect(together.get('not-counted/0/1')).toEqual({ kind: 'small' });
    expect(together.get('not-counted/0/0')).toEqual({ kind: 'value', value: 0 });
    expect(hiddenKeys(together).length).toBeGreaterThan(0);
    expectNothingRecoverable(counts, relations, together, 5);
  });

  it('takes inequalities into account: those employed six months after exit are at most those employed at exit', () => {
    const atExit = testTable('exit', [[4, 6]]);
    const afterSix = testTable('six-months', [[4, 5]]);
    const atMost: Relation[] = [0, 1].map((c) => ({
      kind: 'le',
      terms: [
        { key: afterSix.cell(0, c), coefficient: 1 },
        { key: atExit.cell(0, c), coefficient: -1 },
      ],
    }));
    const counts = [...atExit.counts, ...afterSix.counts];
    const relations = [...atExit.relations, ...afterSix.relations, ...atMost];
    const shown = suppressCounts(counts, relations, 5);
    expect(kinds(shown, [atExit.cell(0, 0), afterSix.cell(0, 0)])).toEqual(['small', 'small']);
    expectNothingRecoverable(counts, relations, shown, 5);
  });

  it('suppresses more under k = 5 than under k = 3', () => {
    const t = testTable('t', [
      [3, 4, 8],
      [6, 7, 9],
    ]);
    const underThree = suppressCounts(t.counts, t.relations, 3);
    expect([...underThree.values()].every((s) => s.kind === 'value')).toBe(true);
    const underFive = suppressCounts(t.counts, t.relations, 5);
    expect(kinds(underFive, [t.cell(0, 0), t.cell(0, 1)])).toEqual(['small', 'small']);
    expect(hiddenKeys(underFive).length).toBeGreaterThan(0);
    expectNothingRecoverable(t.counts, t.relations, underFive, 5);
  });

  it('shows zeros as 0: an empty table hides nothing', () => {
    const t = testTable('t', [
      [0, 0],
      [0, 0],
    ]);
    const shown = suppressCounts(t.counts, t.relations, 5);
    expect([...shown.values()]).toEqual(t.counts.map(() => ({ kind: 'value', value: 0 })));
  });

  it('shows every count when none is from 1 to k − 1', () => {
    const t = testTable('t', [
      [5, 12, 0],
      [9, 5, 30],
    ]);
    const shown = suppressCounts(t.counts, t.relations, 5);
    expect([...shown.entries()]).toEqual(t.counts.map((c) => [c.key, { kind: 'value', value: c.value }]));
  });

  it('refuses a threshold outside 3..20, a relation the counts break, an unknown key, and a relation that states a count', () => {
    const counts: Count[] = [
      { key: 'a', value: 1 },
      { key: 'total', value: 2 },
    ];
    expect(() => suppressCounts(counts, [], REPORT_THRESHOLD.min - 1)).toThrow(RangeError);
    expect(() => suppressCounts(counts, [], REPORT_THRESHOLD.max + 1)).toThrow(RangeError);
    expect(() => suppressCounts(counts, [], 4.5)).toThrow(RangeError);
    expect(() => suppressCounts(counts, [sumRelation(['a'], 'total')], 5)).toThrow(/does not hold/);
    expect(() => suppressCounts(counts, [sumRelation(['b'], 'total')], 5)).toThrow(/unknown count "b"/);
    expect(() => suppressCounts([...counts, { key: 'a', value: 3 }], [], 5)).toThrow(/twice/);
    const stated: Relation = { kind: 'eq', terms: [{ key: 'a', coefficient: 1 }], constant: 1 };
    expect(() => suppressCounts(counts, [stated], 5)).toThrow(/whatever is hidden/);
  });

  it('shows a percentage only when both its count and its base are shown', () => {
    const value = (v: number): Shown => ({ kind: 'value', value: v });
    expect(shareShown(value(6), value(12))).toBe(true);
    expect(shareShown(value(0), value(12))).toBe(true);
    expect(shareShown({ kind: 'small' }, value(12))).toBe(false);
    expect(shareShown(value(6), { kind: 'hidden' })).toBe(false);
    expect(shareShown(value(0), value(0))).toBe(false);
  });
});

/** Primary suppression only: what the module adds to it is what the audit requires. */
function primaryOnly(counts: readonly Count[], k: number): Map<string, Shown> {
  return new Map(counts.map((c) => [c.key, c.value >= 1 && c.value < k ? { kind: 'small' } : { kind: 'value', value: c.value }]));
}
