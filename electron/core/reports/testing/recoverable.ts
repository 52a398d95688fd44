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
  interface Unknown {
    key: string;
    low: number;
    high: number;
    rows: Row[];
    seen: Set<number>;
    at: number | undefined;
  }
  interface Row {
    terms: [Unknown, number][];
    eq: boolean;
    constant: number;
  }
  const unknowns = new Map<string, Unknown>();
  for (const { key, value: truth } of counts) {
    const kind = shown.get(key)?.kind;
    if (kind === 'value') continue;
    const high = kind === 'small' ? k - 1 : hiddenCap;
    if (truth > high) throw new Error('A true count lies outside the bounds.');
    unknowns.set(key, { key, low: 1, high, rows: [], seen: new Set(), at: undefined });
  }
  for (const relation of relations) {
    const row: Row = { terms: [], eq: relation.kind === 'eq', constant: relation.constant ?? 0 };
    for (const { key, coefficient } of relation.terms) {
      const u = unknowns.get(key);
      if (u) row.terms.push([u, coefficient]);
      else row.constant -= coefficient * (value.get(key) ?? NaN);
    }
    for (const [u] of row.terms) u.rows.push(row);
  }
  const order = [...unknowns.values()];
  let undecided = order.length;
  let steps = 0;

  const possible = (row: Row): boolean => {
    let min = 0;
    let max = 0;
    for (const [u, c] of row.terms) {
      const lo = u.at ?? u.low;
      const hi = u.at ?? u.high;
      min += c > 0 ? c * lo : c * hi;
      max += c > 0 ? c * hi : c * lo;
    }
    return row.eq ? min <= row.constant && row.constant <= max : min <= row.constant;
  };

  const visit = (j: number): void => {
    if (undecided === 0) return;
    if (++steps > 5_000_000) throw new Error('The enumeration is too large for a test instance.');
    const u = order[j];
    if (!u) {
      for (const { seen, at } of order) {
        if (at === undefined || seen.size >= 2 || seen.has(at)) continue;
        seen.add(at);
        if (seen.size === 2) undecided--;
      }
      return;
    }
    for (let v = u.low; v <= u.high && undecided > 0; v++) {
      u.at = v;
      if (u.rows.every(possible)) visit(j + 1);
    }
    u.at = undefined;
  };
  visit(0);
  return order.filter((u) => u.seen.size < 2).map((u) => u.key);
}
