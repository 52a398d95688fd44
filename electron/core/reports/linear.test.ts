import { describe, expect, it } from 'vitest';
import { findIntegerPoint, satisfiesExactly, solveLinearProgram, type IntegerSystem } from './linear';

/** x, y in 1..3 with 2x + 2y = constant. */
const evenSum = (constant: number): IntegerSystem => ({
  size: 2,
  rows: [
    {
      kind: 'eq',
      constant,
      terms: [
        { index: 0, coefficient: 2 },
        { index: 1, coefficient: 2 },
      ],
    },
  ],
  lower: [1, 1],
  upper: [3, 3],
});

describe('the integer point search behind the suppression audit', () => {
  it('finds no whole-number point where the linear program has only fractional ones: 2x + 2y = 7', () => {
    const lp = solveLinearProgram(evenSum(7), [1, 0]);
    expect(lp.kind).toBe('optimal');
    expect(findIntegerPoint(evenSum(7), 0)).toBeUndefined();
  });

  it('branches past fractional vertices: 2x + 3y = 12 with x ≥ 2 lets x range over 2..4.5, but only x = 3 is whole', () => {
    const system: IntegerSystem = {
      size: 2,
      rows: [
        {
          kind: 'eq',
          constant: 12,
          terms: [
            { index: 0, coefficient: 2 },
            { index: 1, coefficient: 3 },
          ],
        },
      ],
      lower: [2, 1],
      upper: [Infinity, Infinity],
    };
    // The relaxation's minimum of x is 2 (y = 8/3) and its maximum 4.5 (y = 1); the one whole-number point is x = 3.
    const relaxed = solveLinearProgram(system, [1, 0]);
    expect(relaxed.kind === 'optimal' && relaxed.x[0]).toBe(2);
    expect(relaxed.kind === 'optimal' && relaxed.x[1]).toBeCloseTo(8 / 3, 9);
    expect(findIntegerPoint(system, 0)).toEqual([3, 2]);
    expect(findIntegerPoint(system, 0, true)).toEqual([3, 2]);
  });

  it('returns only points that satisfy every row and bound exactly', () => {
    const point = findIntegerPoint(evenSum(8), 0, true);
    expect(point).toEqual([3, 1]);
    expect(satisfiesExactly(evenSum(8), [3, 1])).toBe(true);
    expect(satisfiesExactly(evenSum(8), [2, 1])).toBe(false);
    expect(satisfiesExactly(evenSum(8), [4, 0])).toBe(false);
    expect(solveLinearProgram({ ...evenSum(8), lower: [2, 3], upper: [1, 3] }, [0, 0]).kind).toBe('infeasible');
  });

  it('reports an objective without a bound as unbounded', () => {
    const system: IntegerSystem = { size: 1, rows: [], lower: [1], upper: [Infinity] };
    expect(solveLinearProgram(system, [-1]).kind).toBe('unbounded');
  });
});
