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

/** Minimises objective·x over the rows and bounds, in floating point. */
export function solveLinearProgram(system: IntegerSystem, objective: readonly number[]): LpResult {
  const { size, lower, upper } = system;
  for (let j = 0; j < size; j++) if (upper[j] < lower[j]) return { kind: 'infeasible' };
  // Unknowns y = x − lower ≥ 0; an upper bound becomes a row y ≤ upper − lower.
  const rows: { a: Float64Array; kind: 'eq' | 'le'; b: number }[] = [];
  for (const row of system.rows) {
    const a = new Float64Array(size);
    let b = row.constant;
    for (const { index, coefficient } of row.terms) {
      a[index] += coefficient;
      b -= coefficient * lower[index];
    }
    rows.push({ a, kind: row.kind, b });
  }
  for (let j = 0; j < size; j++) {
    if (upper[j] === Infinity) continue;
    const a = new Float64Array(size);
    a[j] = 1;
    rows.push({ a, kind: 'le', b: upper[j] - lower[j] });
  }
  const m = rows.length;
  const slackCount = rows.filter((r) => r.kind === 'le').length;
  // A row needs an artificial unknown unless its own slack can start in the basis (a ≤ row with b ≥ 0).
  const needsArtificial = rows.map((r) => r.kind === 'eq' || r.b < 0);
  const artificialCount = needsArtificial.filter(Boolean).length;
  const firstSlack = size;
  const firstArtificial = size + slackCount;
  const width = firstArtificial + artificialCount;
  const tableau: Float64Array[] = [];
  const basis: number[] = [];
  let slack = firstSlack;
  let artificial = firstArtificial;
  for (let i = 0; i < m; i++) {
    const { a, kind, b } = rows[i];
    const line = new Float64Array(width + 1);
    const sign = b < 0 ? -1 : 1;
    for (let j = 0; j < size; j++) line[j] = sign * a[j];
    line[width] = sign * b;
    let own = -1;
    if (kind === 'le') {
      line[slack] = sign;
      own = slack++;
    }
    if (needsArtificial[i]) {
      line[artificial] = 1;
      own = artificial++;
    }
    tableau.push(line);
    basis.push(own);
  }

  const pivot = (row: number, column: number): void => {
    const line = tableau[row];
    const p = line[column];
    for (let j = 0; j <= width; j++) line[j] /= p;
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const other = tableau[i];
      const f = other[column];
      if (Math.abs(f) <= EPS) continue;
      for (let j = 0; j <= width; j++) other[j] -= f * line[j];
      other[column] = 0;
    }
    basis[row] = column;
  };

  /** Runs the simplex on costs over columns < `columns`; false when the objective is unbounded below. */
  const run = (cost: Float64Array, columns: number): boolean => {
    for (;;) {
      // Reduced cost of column j: cost[j] − Σ_i cost[basis[i]]·tableau[i][j]; Bland's rule picks the first negative.
      let entering = -1;
      for (let j = 0; j < columns && entering < 0; j++) {
        if (basis.includes(j)) continue;
        let reduced = cost[j];
        for (let i = 0; i < m; i++) reduced -= cost[basis[i]] * tableau[i][j];
        if (reduced < -EPS) entering = j;
      }
      if (entering < 0) return true;
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        const a = tableau[i][entering];
        if (a <= EPS) continue;
        const ratio = tableau[i][width] / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leaving])) {
          best = ratio;
          leaving = i;
        }
      }
      if (leaving < 0) return false;
      pivot(leaving, entering);
    }
  };

  if (artificialCount > 0) {
    const cost = new Float64Array(width);
    for (let j = firstArtificial; j < width; j++) cost[j] = 1;
    run(cost, width);
    let infeasibility = 0;
    for (let i = 0; i < m; i++) if (basis[i] >= firstArtificial) infeasibility += tableau[i][width];
    if (infeasibility > EPS * 1e3) return { kind: 'infeasible' };
    // An artificial left in the basis at zero is swapped for any real column of its row; none means a redundant row.
    for (let i = 0; i < m; i++) {
      if (basis[i] < firstArtificial) continue;
      const line = tableau[i];
      let column = -1;
      for (let j = 0; j < firstArtificial && column < 0; j++) if (Math.abs(line[j]) > EPS) column = j;
      if (column >= 0) pivot(i, column);
    }
  }
  const cost = new Float64Array(width);
  for (let j = 0; j < size; j++) cost[j] = objective[j];
  if (!run(cost, firstArtificial)) return { kind: 'unbounded' };
  const x = lower.slice(0, size);
  for (let i = 0; i < m; i++) if (basis[i] < size) x[basis[i]] += tableau[i][width];
  return { kind: 'optimal', x };
}

/** Whether an integer point satisfies every row and bound exactly. */
export function satisfiesExactly(system: IntegerSystem, x: readonly number[]): boolean {
  for (let j = 0; j < system.size; j++) {
    if (!Number.isSafeInteger(x[j]) || x[j] < system.lower[j] || x[j] > system.upper[j]) return false;
  }
  for (const row of system.rows) {
    let sum = 0;
    for (const { index, coefficient } of row.terms) sum += coefficient * x[index];
    if (!Number.isSafeInteger(sum)) return false;
    if (row.kind === 'eq' ? sum !== row.constant : sum > row.constant) return false;
  }
  return true;
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
    const floor = Math.floor(lp.x[fractional]);
    const down = upper.slice();
    down[fractional] = floor;
    const up = lower.slice();
    up[fractional] = floor + 1;
    return search(lower, down) ?? search(up, upper);
  };
  return search(system.lower, system.upper);
}
