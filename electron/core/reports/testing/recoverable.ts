import type { Count, Relation, Shown } from '../suppression';

/**
 * An independent check of suppression for tests: enumerates every whole-number assignment of the suppressed counts
 * within a reader's bounds (a small count 1..k−1, a hidden one 1..hiddenCap), with the shown counts fixed, keeps
 * those satisfying every relation, and returns the keys of the suppressed counts that take one value only among
 * them — the ones a reader could work out. A depth-first search pruned by interval sums, sharing no code with the
 * module's solver. Capping hidden counts only removes assignments, so the check is stricter than the reader.
 */
export function recoverableByEnumeration(
  counts: readonly Count[],
  relations: readonly Relation[],
  shown: ReadonlyMap<string, Shown>,
  k: number,
  hiddenCap: number,
): string[] {
  const value = new Map(counts.map((c) => [c.key, c.value]));
  const unknown = counts.filter((c) => shown.get(c.key)?.kind !== 'value').map((c) => c.key);
  const position = new Map(unknown.map((key, j) => [key, j]));
  const low = unknown.map(() => 1);
  const high = unknown.map((key) => (shown.get(key)?.kind === 'small' ? k - 1 : hiddenCap));
  if (unknown.some((key, j) => (value.get(key) ?? 0) > high[j])) throw new Error('A true count lies outside the bounds.');
  const rows = relations
    .map((relation) => {
      let constant = relation.constant ?? 0;
      const terms: [number, number][] = [];
      for (const { key, coefficient } of relation.terms) {
        const j = position.get(key);
        if (j === undefined) constant -= coefficient * (value.get(key) ?? NaN);
        else terms.push([j, coefficient]);
      }
      return { terms, eq: relation.kind === 'eq', constant };
    })
    .filter((row) => row.terms.length > 0);
  const rowsOf = unknown.map((_, j) => rows.filter((row) => row.terms.some(([t]) => t === j)));
  const seen = unknown.map(() => new Set<number>());
  const assignment: (number | undefined)[] = unknown.map(() => undefined);
  let undecided = unknown.length;
  let steps = 0;

  const possible = (row: (typeof rows)[number]): boolean => {
    let min = 0;
    let max = 0;
    for (const [j, c] of row.terms) {
      const a = assignment[j];
      const lo = a ?? low[j];
      const hi = a ?? high[j];
      min += c > 0 ? c * lo : c * hi;
      max += c > 0 ? c * hi : c * lo;
    }
    return row.eq ? min <= row.constant && row.constant <= max : min <= row.constant;
  };

  const visit = (j: number): void => {
    if (undecided === 0) return;
    if (++steps > 5_000_000) throw new Error('The enumeration is too large for a test instance.');
    if (j === unknown.length) {
      assignment.forEach((a, t) => {
        const set = seen[t];
        if (set.size < 2 && !set.has(a as number)) {
          set.add(a as number);
          if (set.size === 2) undecided--;
        }
      });
      return;
    }
    for (let v = low[j]; v <= high[j] && undecided > 0; v++) {
      assignment[j] = v;
      if (rowsOf[j].every(possible)) visit(j + 1);
    }
    assignment[j] = undefined;
  };
  visit(0);
  return unknown.filter((_, j) => seen[j].size < 2);
}
