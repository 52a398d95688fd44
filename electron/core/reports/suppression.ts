/**
 * Small-cell suppression of the counts a report publishes, so that no figure can single a person out.
 *
 * The rules (docs/programme.md, "Small-cell suppression"):
 * - **Primary**: every count from 1 to k−1 is `small`, shown as "<k". Zero is shown as 0: a zero is not a person.
 * - **Secondary**: a count is `hidden` (its own mark: "hidden so that another figure cannot be worked out") wherever
 *   the shown counts, the relations between the counts (a total is the sum of its cells, the same participants in
 *   two tables) and what a reader knows of the suppressed counts would let the reader work a suppressed count out
 *   exactly. Only counts that are not zero are ever hidden, so a reader knows exactly this:
 *   a `small` count is a whole number in 1..k−1, a `hidden` count a whole number ≥ 1, and nothing more.
 *   A hidden count may be any such number — usually a shown count of k or more, but when a relation holds only small
 *   counts (1 + 1 = 2 under k = 3 is pinned by the sum), one of those small counts is hidden instead of shown "<k".
 * - **Choice**: one count is hidden at a time, until nothing can be worked out. Among the shown counts (not zero) in
 *   the relations of the recoverable counts of the first group of linked suppressed counts, the one that leaves the
 *   fewest recoverable counts in the report; ties go to the smaller value, then to the count in fewer relations
 *   (cells before totals, grand totals last), then to the earlier in the input. A small count is hidden only when
 *   relations of small (and zero) counts alone pin one, which no shown count can change. Same input, same output.
 * - **Audit**: with the shown counts substituted as constants, a suppressed count is safe when two whole-number
 *   assignments of the suppressed counts, both within the reader's bounds and satisfying every relation, give it
 *   different values. The true figures are one; the other is searched for (linear.ts: a linear program in floating
 *   point, branching on fractions, the point checked in exact integer arithmetic before it counts). A count
 *   without such a second assignment is recoverable, also when the search merely failed to find one, which can only
 *   hide more than needed. A count once safe stays safe when more is hidden (the assignments only grow), so each
 *   step rechecks only the recoverable ones; a count an equation pins outright (a cell = its row total less the shown
 *   cells) needs no search.
 * - **Input**: keys unique, counts and coefficients whole numbers, and every relation true of the counts; otherwise
 *   it throws, as it does when the relations pin a count whatever is hidden (a relation with a constant can).
 *
 * What the audit does not model: a reader who knows this procedure could use the fact that a hidden count was the
 * cheapest choice (e.g. not larger than a shown count beside it). The reader it models knows the published figures,
 * the structure of the report and the meaning of the marks.
 */
import { REPORT_THRESHOLD } from '@shared/reports';
import { findIntegerPoint, type IntegerSystem, type LinearRow } from './linear';

/** Every count a report publishes, under a key unique in the report (e.g. "funder/unemployed/women"). */
export interface Count {
  key: string;
  value: number;
}

/** What a reader knows from the report's structure: Σ coefficient·count (= or ≤) constant, e.g. a total = sum of its cells. */
export interface Relation {
  terms: readonly { key: string; coefficient: number }[];
  kind: 'eq' | 'le';
  constant?: number;
}

/** How a count is published: its value, "<k" (`small`), or the mark of a count hidden to protect another (`hidden`). */
export type Shown = { kind: 'value'; value: number } | { kind: 'small' } | { kind: 'hidden' };

/** The relation "the parts add up to the total", all of them counts of the report. */
export function sumRelation(parts: readonly string[], total: string): Relation {
  return {
    kind: 'eq',
    terms: [...parts.map((key) => ({ key, coefficient: 1 })), { key: total, coefficient: -1 }],
  };
}

/** The keys of a rows × columns table; each kind of total is optional. */
export interface TableKeys {
  /** cells[row][column]. */
  cells: readonly (readonly string[])[];
  /** rowTotals[row]: the sum of the row's cells. */
  rowTotals?: readonly string[];
  /** columnTotals[column]: the sum of the column's cells. */
  columnTotals?: readonly string[];
  /** The sum of every cell (and of the row and of the column totals). */
  grandTotal?: string;
}

/**
 * Relations of a table with its row totals, column totals and grand total, all themselves counts. Two tables of the
 * same participants (by age and by education) share their column totals and grand total by giving the same keys.
 */
export function tableRelations(table: TableKeys): Relation[] {
  const { cells, rowTotals, columnTotals, grandTotal } = table;
  const columns = cells[0]?.length ?? 0;
  if (cells.some((row) => row.length !== columns)) throw new Error('Every row of a table has the same columns.');
  if (rowTotals && rowTotals.length !== cells.length) throw new Error('A table has one total a row.');
  if (columnTotals && columnTotals.length !== columns) throw new Error('A table has one total a column.');
  const relations: Relation[] = [];
  if (rowTotals) cells.forEach((row, r) => relations.push(sumRelation(row, item(rowTotals, r))));
  if (columnTotals) {
    columnTotals.forEach((total, c) =>
      relations.push(
        sumRelation(
          cells.map((row) => item(row, c)),
          total,
        ),
      ),
    );
  }
  if (grandTotal !== undefined) {
    if (rowTotals) relations.push(sumRelation(rowTotals, grandTotal));
    if (columnTotals) relations.push(sumRelation(columnTotals, grandTotal));
    if (!rowTotals && !columnTotals) relations.push(sumRelation(cells.flat(), grandTotal));
  }
  return relations;
}

/** Whether a share (a percentage) of `part` in `base` may be shown: only when both are shown as values and base > 0. */
export function shareShown(part: Shown, base: Shown): boolean {
  return part.kind === 'value' && base.kind === 'value' && base.value > 0;
}

type Mark = 'value' | 'small' | 'hidden';

/** array[i], for indices in range by construction (noUncheckedIndexedAccess); out of range is a bug and throws. */
function item<T>(array: ArrayLike<T>, i: number): T {
  const value = array[i];
  if (value === undefined) throw new Error(`Index ${i} is out of range.`);
  return value;
}

interface Model {
  keys: readonly string[];
  values: readonly number[];
  /** Relations over count indices, each key once, no zero coefficient. */
  relations: readonly { terms: { index: number; coefficient: number }[]; kind: 'eq' | 'le'; constant: number }[];
  /** Relations each count appears in. */
  relationsOf: readonly number[][];
}

/**
 * How each count may be published under threshold k: values 1..k−1 as `small` (or `hidden`, where small counts alone
 * pin each other), and enough counts `hidden` that no suppressed count can be worked out exactly from the rest and
 * the relations. Throws on invalid input (duplicate
 * or unknown keys, non-integer figures, relations the true figures do not satisfy) and when the relations themselves
 * pin a count whatever is hidden.
 */
export function suppressCounts(counts: readonly Count[], relations: readonly Relation[], k: number): Map<string, Shown> {
  if (!Number.isInteger(k) || k < REPORT_THRESHOLD.min || k > REPORT_THRESHOLD.max) {
    throw new RangeError(`The threshold is a whole number from ${REPORT_THRESHOLD.min} to ${REPORT_THRESHOLD.max}.`);
  }
  const model = buildModel(counts, relations);
  const marks: Mark[] = model.values.map((v) => (v >= 1 && v < k ? 'small' : 'value'));
  // A count once shown to take two values stays so when more is hidden: the assignments only grow.
  const safe = new Set<number>();
  for (;;) {
    const unchecked = marks.flatMap((mark, i) => (mark !== 'value' && !safe.has(i) ? [i] : []));
    const audit = audited(model, marks, k, unchecked);
    for (const i of audit.safe) safe.add(i);
    if (audit.recoverable.length === 0) break;
    const next = choose(model, marks, k, audit.recoverable, safe);
    marks[next.index] = 'hidden';
    for (const i of next.safe) safe.add(i);
  }

  const shown = new Map<string, Shown>();
  marks.forEach((mark, i) => {
    shown.set(item(model.keys, i), mark === 'value' ? { kind: 'value', value: item(model.values, i) } : { kind: mark });
  });
  return shown;
}

function buildModel(counts: readonly Count[], relations: readonly Relation[]): Model {
  const indexOf = new Map<string, number>();
  counts.forEach(({ key, value }, i) => {
    if (indexOf.has(key)) throw new Error(`The count key "${key}" is used twice.`);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`The count "${key}" is not a whole number ≥ 0.`);
    indexOf.set(key, i);
  });
  const values = counts.map((c) => c.value);
  const relationsOf: number[][] = counts.map(() => []);
  const built = relations.map((relation, r) => {
    const constant = relation.constant ?? 0;
    if (!Number.isSafeInteger(constant)) throw new Error('A relation has a whole-number constant.');
    const merged = new Map<number, number>();
    for (const { key, coefficient } of relation.terms) {
      const index = indexOf.get(key);
      if (index === undefined) throw new Error(`A relation names the unknown count "${key}".`);
      if (!Number.isSafeInteger(coefficient)) throw new Error('A relation has whole-number coefficients.');
      merged.set(index, (merged.get(index) ?? 0) + coefficient);
    }
    const terms = [...merged].filter(([, c]) => c !== 0).map(([index, coefficient]) => ({ index, coefficient }));
    const sum = terms.reduce((s, t) => s + t.coefficient * item(values, t.index), 0);
    if (relation.kind === 'eq' ? sum !== constant : sum > constant) {
      throw new Error(`Relation ${r} does not hold for the counts it relates.`);
    }
    for (const t of terms) item(relationsOf, t.index).push(r);
    return { terms, kind: relation.kind, constant };
  });
  return { keys: counts.map((c) => c.key), values, relations: built, relationsOf };
}

/** The suppressed counts linked to the suppressed count `start` through relations, in input order. */
function componentOf(model: Model, marks: readonly Mark[], start: number): number[] {
  const reached = new Set([start]);
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const r of item(model.relationsOf, next)) {
      for (const { index } of item(model.relations, r).terms) {
        if (marks[index] === 'value' || reached.has(index)) continue;
        reached.add(index);
        queue.push(index);
      }
    }
  }
  return [...reached].sort((a, b) => a - b);
}

/**
 * The count to hide next, given the recoverable counts, and the counts its hiding shows safe. Only the first
 * component with a recoverable count is worked on. A relation of small counts alone can pin them by its own sum
 * (under k = 3, <3 + <3 = <3 is 1 + 1 = 2), and no shown count can help: then one of those small counts is hidden
 * instead. Otherwise a shown count other than zero in the relations of the recoverable counts (or, when they have
 * none, of the component): the one that leaves the fewest recoverable counts, then the smaller value, the fewer
 * relations and the earlier in the input.
 */
function choose(
  model: Model,
  marks: readonly Mark[],
  k: number,
  recoverable: readonly number[],
  safe: ReadonlySet<number>,
): { index: number; safe: ReadonlySet<number> } {
  const first = componentOf(model, marks, item(recoverable, 0));
  const leaking = recoverable.filter((i) => first.includes(i));
  const termsOf = (counts: readonly number[], relation: (r: number) => boolean = () => true): number[] => {
    const terms = new Set<number>();
    for (const i of counts) {
      for (const r of item(model.relationsOf, i)) {
        if (!relation(r)) continue;
        for (const { index } of item(model.relations, r).terms) {
          if (marks[index] !== 'hidden' && model.values[index] !== 0) terms.add(index);
        }
      }
    }
    return [...terms];
  };
  const byCost = (a: number, b: number): number =>
    item(model.values, a) - item(model.values, b) ||
    item(model.relationsOf, a).length - item(model.relationsOf, b).length ||
    a - b;
  const fewestLeaks = (candidates: readonly number[]): { index: number; safe: ReadonlySet<number> } => {
    let best = { index: -1, safe: new Set<number>() as ReadonlySet<number>, leaks: Infinity };
    for (const candidate of [...candidates].sort(byCost)) {
      const trial = marks.slice();
      trial[candidate] = 'hidden';
      const toCheck = safe.has(candidate) ? leaking : [...leaking.filter((i) => i !== candidate), candidate];
      const audit = audited(model, trial, k, toCheck, best.leaks);
      if (audit.recoverable.length < best.leaks) {
        best = { index: candidate, safe: audit.safe, leaks: audit.recoverable.length };
        if (best.leaks === 0) break;
      }
    }
    return best;
  };
  const closed = (r: number): boolean =>
    item(model.relations, r).terms.every(({ index }) => marks[index] !== 'value' || model.values[index] === 0);
  const pinnedBySmallOnly = audited(model, marks, k, leaking, Infinity, closed).recoverable;
  const shown = (terms: number[]): number[] => terms.filter((i) => marks[i] === 'value');
  for (const candidates of [
    pinnedBySmallOnly.length > 0 ? termsOf(pinnedBySmallOnly, closed) : [],
    shown(termsOf(leaking)),
    shown(termsOf(first)),
    termsOf(leaking),
    termsOf(first),
  ]) {
    if (candidates.length > 0) return fewestLeaks(candidates);
  }
  throw new Error('The relations determine a count whatever is hidden.');
}

/**
 * Audits the suppressed counts `counts`: those a reader could work out exactly (`recoverable`, in input order, at
 * most `limit` of them before the audit stops), and every count a found assignment showed to take a second value.
 * With `relation`, only the relations it accepts are known to the reader.
 */
function audited(
  model: Model,
  marks: readonly Mark[],
  k: number,
  counts: readonly number[],
  limit = Infinity,
  relation: (r: number) => boolean = () => true,
): { recoverable: number[]; safe: Set<number> } {
  const componentOfCount = new Map<number, number[]>();
  const systems = new Map<number[], ReturnType<typeof systemOf>>();
  const safe = new Set<number>();
  const recoverable: number[] = [];
  for (const i of [...counts].sort((a, b) => a - b)) {
    if (safe.has(i)) continue;
    let component = componentOfCount.get(i);
    if (!component) {
      component = componentOf(model, marks, i);
      for (const j of component) componentOfCount.set(j, component);
    }
    let system = systems.get(component);
    if (!system) {
      system = systemOf(model, component, marks, k, relation);
      systems.set(component, system);
    }
    const j = component.indexOf(i);
    const point = system.pinned.has(j) ? undefined : secondAssignment(system, j);
    if (point) {
      point.forEach((v, j) => {
        if (v !== system.truth[j]) safe.add(item(component as number[], j));
      });
    } else {
      recoverable.push(i);
      if (recoverable.length >= limit) break;
    }
  }
  return { recoverable, safe };
}

/** The linear system of a component: its suppressed counts as unknowns, the shown counts as constants. */
function systemOf(
  model: Model,
  component: readonly number[],
  marks: readonly Mark[],
  k: number,
  relation: (r: number) => boolean,
): IntegerSystem & { truth: number[]; pinned: ReadonlySet<number> } {
  const local = new Map(component.map((index, j) => [index, j]));
  const relationIds = [...new Set(component.flatMap((i) => item(model.relationsOf, i)))].filter(relation).sort((a, b) => a - b);
  const rows: LinearRow[] = relationIds.map((r) => {
    const { terms: all, kind, constant: given } = item(model.relations, r);
    let constant = given;
    const terms: { index: number; coefficient: number }[] = [];
    for (const { index, coefficient } of all) {
      const j = local.get(index);
      if (j === undefined) constant -= coefficient * item(model.values, index);
      else terms.push({ index: j, coefficient });
    }
    return { terms, kind, constant };
  });
  return {
    size: component.length,
    rows,
    lower: component.map(() => 1),
    upper: component.map((i) => (marks[i] === 'small' ? k - 1 : Infinity)),
    truth: component.map((i) => item(model.values, i)),
    pinned: pinnedBySubstitution(rows),
  };
}

/**
 * The unknowns an equation pins once the unknowns pinned before are substituted (a cell = its row total less the
 * shown cells): recoverable without a search, which most trials of a cell to hide leave some of.
 */
function pinnedBySubstitution(rows: readonly LinearRow[]): Set<number> {
  const pinned = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) {
      if (row.kind !== 'eq') continue;
      const open = row.terms.filter((t) => !pinned.has(t.index));
      if (open.length === 1) {
        pinned.add(item(open, 0).index);
        changed = true;
      }
    }
  }
  return pinned;
}

/** A whole-number assignment of the system in which unknown j differs from its true value, if the search finds one. */
function secondAssignment(system: IntegerSystem & { truth: number[] }, j: number): number[] | undefined {
  const truth = item(system.truth, j);
  if (truth + 1 <= item(system.upper, j)) {
    const lower = system.lower.slice();
    lower[j] = truth + 1;
    const point = findIntegerPoint({ ...system, lower }, j);
    if (point) return point;
  }
  if (truth - 1 >= item(system.lower, j)) {
    const upper = system.upper.slice();
    upper[j] = truth - 1;
    return findIntegerPoint({ ...system, upper }, j, true);
  }
  return undefined;
}
