/**
 * A small search for integer points of a linear system, for the suppression audit (suppression.ts).
 *
 * The linear programs are solved in floating point (a dense two-phase simplex with Bland's rule) and only ever
 * *guide* the search: a point is returned only after it has been rounded to integers and checked against every row
 * and bound in exact integer arithmetic. So a rounding error can make the search miss a point that exists (the
 * audit then counts the figure as recoverable and hides one more: safe), but never return a point that does not.
 */

/** One row of a system: Σ coefficient·x[index] (= or ≤) constant; coefficients and constant are integers. */
export interface LinearRow {
  readonly terms: readonly { readonly index: number; readonly coefficient: number }[];
  readonly kind: 'eq' | 'le';
  readonly constant: number;
}

/** Rows over `size` integer unknowns, each with a finite lower bound and an upper bound (Infinity for none). */
export interface IntegerSystem {
  readonly size: number;
  readonly rows: readonly LinearRow[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

const EPS = 1e-9;
const INTEGRAL = 1e-6;
/** Linear programs solved for one point at most; past it the search gives up (and the audit stays on the safe side). */
const NODE_LIMIT = 64;

type LpResult = { kind: 'optimal'; x: number[] } | { kind: 'infeasible' } | { kind: 'unbounded' };

/**
 * Minimises objective·x over the rows and bounds, in floating point.
 *
 * The tableau is one flat array of `m` lines of `stride` numbers (the columns, then the right-hand side). Every index
 * below stays inside the arrays by construction, which the `!`s state for noUncheckedIndexedAccess.
 */
export function solveLinearProgram(system: IntegerSystem, objective: readonly number[]): LpResult {
  const { size } = system;
  const lower = system.lower.slice(0, size);
  const upper = system.upper.slice(0, size);
  if (lower.some((lo, j) => upper[j]! < lo)) return { kind: 'infeasible' };
  // Unknowns y = x − lower ≥ 0; an upper bound becomes a row y ≤ upper − lower.
  const rows: { a: Float64Array; kind: 'eq' | 'le'; b: number }[] = [];
  for (const row of system.rows) {
    const a = new Float64Array(size);
    let b = row.constant;
    for (const { index, coefficient } of row.terms) {
      a[index] = a[index]! + coefficient;
      b -= coefficient * lower[index]!;
    }
    rows.push({ a, kind: row.kind, b });
  }
  upper.forEach((hi, j) => {
    if (hi === Infinity) return;
    const a = new Float64Array(size);
    a[j] = 1;
    rows.push({ a, kind: 'le', b: hi - lower[j]! });
  });
  const m = rows.length;
  const slackCount = rows.filter((r) => r.kind === 'le').length;
  // A row needs an artificial unknown unless its own slack can start in the basis (a ≤ row with b ≥ 0).
  const artificialCount = rows.filter((r) => r.kind === 'eq' || r.b < 0).length;
  const firstArtificial = size + slackCount;
  const width = firstArtificial + artificialCount;
  const stride = width + 1;
  const t = new Float64Array(m * stride);
  const basis = new Int32Array(m);
  let slack = size;
  let artificial = firstArtificial;
  rows.forEach(({ a, kind, b }, i) => {
    const sign = b < 0 ? -1 : 1;
    const line = i * stride;
    a.forEach((v, j) => (t[line + j] = sign * v));
    t[line + width] = sign * b;
    if (kind === 'le') {
      t[line + slack] = sign;
      basis[i] = slack++;
    }
    if (kind === 'eq' || b < 0) {
      t[line + artificial] = 1;
      basis[i] = artificial++;
    }
  });

  const basic = new Uint8Array(width);
  basis.forEach((j) => (basic[j] = 1));
  /** Reduced costs of the current objective, kept up to date by every pivot. */
  let reduced = new Float64Array(width);
  const pivot = (row: number, column: number): void => {
    const line = row * stride;
    const p = t[line + column]!;
    for (let j = 0; j < stride; j++) t[line + j] = t[line + j]! / p;
    for (let i = 0; i < m; i++) {
      const other = i * stride;
      const f = t[other + column]!;
      if (i === row || f === 0) continue;
      for (let j = 0; j < stride; j++) t[other + j] = t[other + j]! - f * t[line + j]!;
      t[other + column] = 0;
    }
    const f = reduced[column]!;
    if (f !== 0) for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - f * t[line + j]!;
    reduced[column] = 0;
    basic[basis[row]!] = 0;
    basic[column] = 1;
    basis[row] = column;
  };

  /**
   * Minimises cost over columns < `columns`; false when the objective is unbounded below. The steepest reduced cost
   * enters; after many pivots Bland's rule (the first negative column) takes over, which cannot cycle.
   */
  const run = (cost: Float64Array, columns: number): boolean => {
    reduced = Float64Array.from(cost);
    basis.forEach((b, i) => {
      const c = cost[b]!;
      if (c !== 0) for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - c * t[i * stride + j]!;
    });
    const steepestFor = 4 * (m + width);
    for (let iteration = 0; ; iteration++) {
      let entering = -1;
      for (let j = 0; j < columns; j++) {
        if (basic[j] || reduced[j]! >= -EPS) continue;
        if (entering < 0 || (iteration < steepestFor && reduced[j]! < reduced[entering]!)) entering = j;
        if (iteration >= steepestFor) break;
      }
      if (entering < 0) return true;
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        const a = t[i * stride + entering]!;
        if (a <= EPS) continue;
        const ratio = t[i * stride + width]! / a;
        if (ratio < best - EPS || (ratio <= best + EPS && basis[i]! < basis[leaving]!)) {
          best = Math.min(best, ratio);
          leaving = i;
        }
      }
      if (leaving < 0) return false;
      pivot(leaving, entering);
    }
  };

  if (artificialCount > 0) {
    const cost = new Float64Array(width).fill(1, firstArtificial);
    run(cost, width);
    let infeasibility = 0;
    basis.forEach((b, i) => {
      if (b >= firstArtificial) infeasibility += t[i * stride + width]!;
    });
    if (infeasibility > EPS * 1e3) return { kind: 'infeasible' };
    // An artificial left in the basis at zero is swapped for any real column of its row; none means a redundant row.
    for (let i = 0; i < m; i++) {
      if (basis[i]! < firstArtificial) continue;
      for (let j = 0; j < firstArtificial; j++) {
        if (Math.abs(t[i * stride + j]!) > EPS) {
          pivot(i, j);
          break;
        }
      }
    }
  }
  const cost = new Float64Array(width);
  objective.forEach((c, j) => (cost[j] = c));
  if (!run(cost, firstArtificial)) return { kind: 'unbounded' };
  const x = lower.slice();
  basis.forEach((b, i) => {
    if (b < size) x[b] = x[b]! + t[i * stride + width]!;
  });
  return { kind: 'optimal', x };
}

/** Whether an integer point satisfies every row and bound exactly. */
export function satisfiesExactly(system: IntegerSystem, x: readonly number[]): boolean {
  const inBounds = x.every((v, j) => Number.isSafeInteger(v) && v >= system.lower[j]! && v <= system.upper[j]!);
  if (x.length !== system.size || !inBounds) return false;
  return system.rows.every((row) => {
    const sum = row.terms.reduce((s, { index, coefficient }) => s + coefficient * x[index]!, 0);
    return Number.isSafeInteger(sum) && (row.kind === 'eq' ? sum === row.constant : sum <= row.constant);
  });
}

/**
 * An integer point of the system that minimises (or, with `maximise`, maximises) x[target] as far as the search
 * sees, by branching on fractional unknowns; undefined when none is found. Any point returned satisfies the system
 * exactly.
 */
export function findIntegerPoint(system: IntegerSystem, target: number, maximise = false): number[] | undefined {
  const objective = new Array<number>(system.size).fill(0);
  objective[target] = maximise ? -1 : 1;
  let nodes = 0;
  const search = (lower: readonly number[], upper: readonly number[]): number[] | undefined => {
    if (++nodes > NODE_LIMIT) return undefined;
    const node = { ...system, lower, upper };
    const lp = solveLinearProgram(node, objective);
    if (lp.kind !== 'optimal') return undefined;
    const fractional = lp.x.findIndex((v) => Math.abs(v - Math.round(v)) > INTEGRAL);
    if (fractional < 0) {
      const point = lp.x.map(Math.round);
      return satisfiesExactly(node, point) ? point : undefined;
    }
    const floor = Math.floor(lp.x[fractional]!);
    const down = upper.slice();
    down[fractional] = floor;
    const up = lower.slice();
    up[fractional] = floor + 1;
    return search(lower, down) ?? search(up, upper);
  };
  return search(system.lower, system.upper);
}
