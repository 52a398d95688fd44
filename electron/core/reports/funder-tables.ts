/**
 * The funder report's tables from the participations it counts: pure and anonymous. Participations go in as facts
 * (no id, no name), and only counts come out, each with a key, together with what a reader knows of how the counts
 * hang together (a total is the sum of its columns, the rows of a partition add up to their population, a row within
 * another is at most that row, completed and discontinued add up to those who left). The suppression (`suppression.ts`)
 * needs both: a count hidden in one table must not be worked out from another.
 *
 * Columns: women, men, and "other or not told" (ESF+ asks for women, men and non-binary persons; a gender not told is
 * reported with them, never guessed), then the total.
 */
import type { Locale } from '@shared/locales';
import { REPORT_COLUMNS, type ReportColumn } from '@shared/reports';
import {
  POPULATIONS,
  RANGE_FACTS,
  rowCounts,
  type IndicatorRow,
  type IndicatorSet,
  type ParticipationFacts,
  type Population,
} from './indicator-set';
import { sumRelation, type Count, type Relation } from './suppression';

const COLUMNS = REPORT_COLUMNS;
type Column = ReportColumn;
export type GenderColumn = Exclude<ReportColumn, 'total'>;

/** One participation as the report counts it. */
export interface CountedParticipation extends ParticipationFacts {
  gender: GenderColumn;
  /** The populations of the report's period this participation is in. */
  populations: ReadonlySet<Population>;
  /** In the programme at some time during the period. */
  inPeriod: boolean;
  /** How the participation ended, when it ended within the period. */
  ended: 'completed' | 'discontinued' | null;
}

/** A row of a table: its label (from the set, in the report's language, or a key of the interface's wording). */
export interface TableRow {
  id: string;
  label: { text: string } | { key: string };
  /** The funder's code of the indicator, when it has one (EECO02...). */
  code: string | null;
  /** A row within the one above it ("of whom"). */
  within: boolean;
  /** One count key a column, in COLUMNS order. */
  keys: readonly string[];
}
export interface Table {
  id: string;
  title: { text: string } | { key: string };
  rows: TableRow[];
}

export interface FunderTables {
  tables: Table[];
  counts: Count[];
  relations: Relation[];
}

const INDICATOR_CODE = /^EE[A-Z]{2}\d{2}$/;

/** The tables of an indicator set and the programme's own figures for the given participations. */
export function funderTables(set: IndicatorSet, locale: Locale, participations: readonly CountedParticipation[]): FunderTables {
  const counts = new Map<string, number>();
  const relations: Relation[] = [];
  const keysOf = (id: string) => COLUMNS.map((column) => `${id}/${column}`);
  /** A row of counts: each column counted, the total the sum of the genders (a relation a reader knows). */
  const addRow = (id: string, holds: (p: CountedParticipation) => boolean): string[] => {
    const keys = keysOf(id);
    const values = new Map<Column, number>(COLUMNS.map((c) => [c, 0]));
    for (const p of participations) {
      if (!holds(p)) continue;
      values.set(p.gender, values.get(p.gender)! + 1);
      values.set('total', values.get('total')! + 1);
    }
    COLUMNS.forEach((column, i) => counts.set(keys[i]!, values.get(column)!));
    relations.push(sumRelation(keys.slice(0, 3), keys[3]!));
    return keys;
  };

  const tables: Table[] = [];
  // The programme's own figures first: who was in the programme during the period, who entered, who left and how.
  const periodKeys = addRow('period/in', (p) => p.inPeriod);
  const totals = new Map<Population, string[]>();
  for (const population of POPULATIONS) {
    const keys = addRow(`population/${population}`, (p) => p.populations.has(population));
    totals.set(population, keys);
    // Who entered or left in the period was in the programme in the period.
    if (population !== 'sixMonthsAfter') keys.forEach((key, i) => relations.push(atMost(key, periodKeys[i]!)));
  }
  const completed = addRow('ended/completed', (p) => p.ended === 'completed');
  const discontinued = addRow('ended/discontinued', (p) => p.ended === 'discontinued');
  // Everyone who left ended one way or the other: the two add up to the leavers, a total of another table.
  totals.get('leavers')!.forEach((key, i) => relations.push(sumRelation([completed[i]!, discontinued[i]!], key)));
  tables.push({
    id: 'participation',
    title: { key: 'reports.funder.participation' },
    rows: [
      fixedRow('period/in', 'reports.funder.inPeriod', periodKeys),
      fixedRow('population/entrants', 'reports.funder.entrants', totals.get('entrants')!, 'EECO01'),
      fixedRow('population/leavers', 'reports.funder.leavers', totals.get('leavers')!),
      { ...fixedRow('ended/completed', 'reports.funder.completed', completed), within: true },
      { ...fixedRow('ended/discontinued', 'reports.funder.discontinued', discontinued), within: true },
      fixedRow('population/sixMonthsAfter', 'reports.funder.sixMonthsAfter', totals.get('sixMonthsAfter')!),
    ],
  });

  for (const section of set.sections) {
    const population = totals.get(section.population)!;
    const rangeRows = section.rows.filter((r) => r.when && (RANGE_FACTS as readonly string[]).includes(r.when.fact));
    const rowKeys = new Map<string, string[]>();
    const rows: TableRow[] = [];
    for (const r of section.rows) {
      const id = `${section.id}/${r.id}`;
      const keys = addRow(id, (p) => p.populations.has(section.population) && rowCounts(r, p, rangeRows));
      rowKeys.set(r.id, keys);
      rows.push({
        id,
        label: { text: r.label[locale] },
        code: INDICATOR_CODE.test(r.id) ? r.id : null,
        within: r.within !== undefined,
        keys,
      });
    }
    relations.push(...sectionRelations(section.partition, section.rows, rowKeys, population));
    tables.push({ id: section.id, title: { text: section.title[locale] }, rows });
  }
  return { tables, counts: [...counts].map(([key, value]) => ({ key, value })), relations };
}

/** What a reader knows of a section's rows against its population's totals, column by column. */
function sectionRelations(
  partition: boolean,
  rows: readonly IndicatorRow[],
  rowKeys: ReadonlyMap<string, string[]>,
  population: readonly string[],
): Relation[] {
  const relations: Relation[] = [];
  const unknownRow = rows.find((r) => r.unknown !== undefined);
  for (let column = 0; column < population.length; column++) {
    const keyOf = (r: IndicatorRow) => rowKeys.get(r.id)![column]!;
    const top = rows.filter((r) => r.within === undefined);
    if (partition) relations.push(sumRelation(top.map(keyOf), population[column]!));
    for (const r of rows) {
      if (r.within !== undefined) relations.push(atMost(keyOf(r), rowKeys.get(r.within)![column]!));
      else if (!partition) {
        // Nobody whose situation is not known is counted in a row of what it is.
        const known = unknownRow && r !== unknownRow ? [keyOf(unknownRow)] : [];
        relations.push({
          kind: 'le',
          terms: [...[keyOf(r), ...known].map((key) => ({ key, coefficient: 1 })), { key: population[column]!, coefficient: -1 }],
        });
      }
    }
  }
  return relations;
}

function fixedRow(id: string, key: string, keys: readonly string[], code: string | null = null): TableRow {
  return { id, label: { key }, code, within: false, keys };
}

/** `part` ≤ `whole`. */
function atMost(part: string, whole: string): Relation {
  return {
    kind: 'le',
    terms: [
      { key: part, coefficient: 1 },
      { key: whole, coefficient: -1 },
    ],
  };
}
