import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressCounts, type Count, type Relation, type Shown } from './suppression';
import { recoverableByEnumeration } from './testing/recoverable';
import { testTable } from './testing/tables';

interface Report {
  counts: Count[];
  relations: Relation[];
  k: number;
}

const cellValue = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }));
const threshold = fc.integer({ min: 3, max: 5 });
const matrix = (rows: number, columns: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(cellValue, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });

/** One table of 1–3 rows × 1–3 columns with row totals, column totals and the grand total. */
const oneTable: fc.Arbitrary<Report> = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), columns: fc.integer({ min: 1, max: 3 }), k: threshold })
  .chain(({ rows, columns, k }) => matrix(rows, columns).map((cells) => ({ ...testTable('t', cells), k })));

/** Splits each column's total into `height` rows at the cut points (per column, fractions of 1000 of the total). */
const split = (columnSums: readonly number[], height: number, cuts: readonly (readonly number[])[]): number[][] => {
  const columns = columnSums.map((sum, c) => {
    const points = (cuts[c] ?? [])
      .slice(0, height - 1)
      .map((cut) => Math.floor((cut * sum) / 1000))
      .sort((a, b) => a - b);
    const bounds = [0, ...points, sum];
    return bounds.slice(1).map((bound, r) => bound - (bounds[r] ?? 0));
  });
  return Array.from({ length: height }, (_, r) => columns.map((column) => column[r] ?? 0));
};

/**
 * Two or three tables of the same participants (by age, by education, ...) sharing their column totals and grand
 * total: each further table splits every column total of the first one into its own rows at random cut points.
 */
const linkedTables: fc.Arbitrary<Report> = fc
  .record({ columns: fc.integer({ min: 1, max: 3 }), rows: fc.integer({ min: 1, max: 3 }), k: threshold })
  .chain(({ columns, rows, k }) => {
    const further = fc.record({
      height: fc.integer({ min: 1, max: 3 }),
      cuts: fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }), {
        minLength: columns,
        maxLength: columns,
      }),
    });
    return fc.tuple(matrix(rows, columns), fc.array(further, { minLength: 1, maxLength: 2 })).map(([first, others]) => {
      const columnSums = Array.from({ length: columns }, (_, c) => first.reduce((sum, row) => sum + (row[c] ?? 0), 0));
      const tables = [
        testTable('t0', first),
        ...others.map(({ height, cuts }, n) => testTable(`t${n + 1}`, split(columnSums, height, cuts), 't0')),
      ];
      return { counts: tables.flatMap((t) => t.counts), relations: tables.flatMap((t) => t.relations), k };
    });
  });

/** The test's own check that nothing suppressed can be worked out, hidden counts capped at the largest count + k. */
const recoverable = ({ counts, relations, k }: Report, shown: ReadonlyMap<string, Shown>): string[] =>
  recoverableByEnumeration(counts, relations, shown, k, Math.max(...counts.map((c) => c.value)) + k);

const primaryOnly = ({ counts, k }: Report): Map<string, Shown> =>
  new Map(counts.map((c) => [c.key, c.value >= 1 && c.value < k ? { kind: 'small' } : { kind: 'value', value: c.value }]));

/** How many instances needed a hidden count (and how many a small count hidden), so the properties are not vacuous. */
const seen = { instances: 0, hidden: 0, smallHidden: 0 };

const expectSuppressed = (report: Report): void => {
  const { counts, relations, k } = report;
  const shown = suppressCounts(counts, relations, k);
  seen.instances++;
  if ([...shown.values()].some((s) => s.kind === 'hidden')) seen.hidden++;
  if (counts.some((c) => c.value < k && shown.get(c.key)?.kind === 'hidden')) seen.smallHidden++;
  expect([...shown.keys()]).toEqual(counts.map((c) => c.key));
  for (const { key, value } of counts) {
    const s = shown.get(key);
    // No shown count singles anyone out, every shown count is the true one, and a zero is always shown.
    if (value >= 1 && value < k) expect(s?.kind).not.toBe('value');
    if (s?.kind === 'value') expect(s.value).toBe(value);
    if (value === 0) expect(s).toEqual({ kind: 'value', value: 0 });
  }
  expect(recoverable(report, shown)).toEqual([]);
  expect(suppressCounts(structuredClone(counts), structuredClone(relations), k)).toEqual(shown);
};

describe('small-cell suppression of random tables', () => {
  it('shows no count from 1 to k − 1, shows true values, leaves nothing recoverable and is deterministic: one table', () => {
    Object.assign(seen, { instances: 0, hidden: 0, smallHidden: 0 });
    fc.assert(fc.property(oneTable, expectSuppressed), { seed: 20260419, numRuns: 400 });
    expect(seen.hidden).toBeGreaterThan(seen.instances / 4);
    expect(seen.smallHidden).toBeGreaterThan(0);
  });

  it('does the same for two or three tables of the same participants sharing their totals', () => {
    Object.assign(seen, { instances: 0, hidden: 0, smallHidden: 0 });
    fc.assert(fc.property(linkedTables, expectSuppressed), { seed: 20260420, numRuns: 300 });
    expect(seen.hidden).toBeGreaterThan(seen.instances / 4);
  });
});

describe('the enumeration the properties rely on', () => {
  it('catches primary suppression alone: in a table with its totals, a lone <5 is its row total less the other cells', () => {
    const t = testTable('t', [
      [2, 6, 7],
      [5, 8, 9],
    ]);
    const report = { counts: t.counts, relations: t.relations, k: 5 };
    expect(recoverable(report, primaryOnly(report))).toEqual([t.cell(0, 0)]);
  });

  it('catches primary suppression alone in every random table with exactly one small count', () => {
    const withOneSmall = oneTable.filter(({ counts, k }) => counts.filter((c) => c.value >= 1 && c.value < k).length === 1);
    fc.assert(
      fc.property(withOneSmall, (report) => {
        const small = report.counts.find((c) => c.value >= 1 && c.value < report.k);
        expect(recoverable(report, primaryOnly(report))).toEqual([small?.key]);
      }),
      { seed: 20260421, numRuns: 100 },
    );
  });
});
