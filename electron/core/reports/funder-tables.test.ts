import { describe, expect, it } from 'vitest';
import { CODED_FACTS, INDICATOR_SETS, indicatorSetSchema, type CodedFact, type Population } from './indicator-set';
import { funderTables, type CountedParticipation, type GenderColumn } from './funder-tables';
import esfPlus from './indicator-sets/esf-plus-2021-2027.json' with { type: 'json' };

const set = INDICATOR_SETS.get('esf-plus-2021-2027')!;

function participation(
  gender: GenderColumn,
  populations: Population[],
  facts: Partial<Record<CodedFact, string>> = {},
  o: { age?: { min: number; max: number } | null; ended?: 'completed' | 'discontinued' | null } = {},
): CountedParticipation {
  const coded = Object.fromEntries(CODED_FACTS.map((f) => [f, facts[f] ?? 'unknown'])) as Record<CodedFact, string>;
  return {
    gender,
    populations: new Set(populations),
    inPeriod: true,
    ended: o.ended ?? null,
    coded,
    ageAtEntry: o.age === undefined ? null : o.age,
  };
}

function valueOf(tables: ReturnType<typeof funderTables>, key: string): number {
  const found = tables.counts.find((c) => c.key === key);
  if (!found) throw new Error(`no count ${key}`);
  return found.value;
}

describe('the funder tables', () => {
  const people = [
    participation(
      'female',
      ['entrants'],
      { labourMarketAtEntry: 'long_term_unemployed', education: 'isced_2' },
      { age: { min: 54, max: 55 } },
    ),
    participation(
      'female',
      ['entrants', 'leavers'],
      {
        labourMarketAtEntry: 'unemployed',
        exitEmployed: 'yes',
        exitJobSearching: 'no',
        exitInEducation: 'no',
        exitQualification: 'no',
      },
      { age: { min: 29, max: 30 }, ended: 'completed' },
    ),
    participation(
      'male',
      ['entrants'],
      { labourMarketAtEntry: 'in_education', thirdCountryNational: 'yes' },
      { age: { min: 18, max: 24 } },
    ),
    participation('other', ['leavers'], {}, { ended: 'discontinued' }),
    participation('male', ['sixMonthsAfter'], { followUpEmployed: 'yes', followUpImproved: 'no' }),
  ];
  const tables = funderTables(set, 'fi', people);

  it('counts each indicator by gender with a total, from the facts alone', () => {
    expect(valueOf(tables, 'population/entrants/total')).toBe(3);
    expect(valueOf(tables, 'population/entrants/female')).toBe(2);
    // Unemployed includes the long-term unemployed; a student at entry is inactive (outside the labour force).
    expect(valueOf(tables, 'entry-labour-market/EECO02/female')).toBe(2);
    expect(valueOf(tables, 'entry-labour-market/EECO03/female')).toBe(1);
    expect(valueOf(tables, 'entry-labour-market/EECO04/male')).toBe(1);
    expect(valueOf(tables, 'entry-background/EECO13/total')).toBe(1);
    expect(valueOf(tables, 'entry-education/EECO09/total')).toBe(1);
    expect(valueOf(tables, 'entry-education/entry-education-unknown/total')).toBe(2);
  });

  it('counts an age only when the whole range known lies in one class', () => {
    // 54 or 55 at entry, 29 or 30: neither class is certain, so both are "not known"; 18–24 is within 18–29.
    expect(valueOf(tables, 'entry-age/entry-age-unknown/total')).toBe(2);
    expect(valueOf(tables, 'entry-age/EECO07/total')).toBe(1);
    expect(valueOf(tables, 'entry-age/EECO08/total')).toBe(0);
  });

  it('counts a situation not recorded as not known, never as no', () => {
    expect(valueOf(tables, 'population/leavers/total')).toBe(2);
    expect(valueOf(tables, 'exit-results/EECR04/total')).toBe(1);
    expect(valueOf(tables, 'exit-results/exit-unknown/total')).toBe(1);
    expect(valueOf(tables, 'follow-up-results/EELR04/male')).toBe(1);
    expect(valueOf(tables, 'follow-up-results/follow-up-unknown/total')).toBe(0);
    expect(valueOf(tables, 'ended/completed/total') + valueOf(tables, 'ended/discontinued/total')).toBe(2);
  });

  it('states every relation a reader knows, and each holds for the true counts', () => {
    const value = new Map(tables.counts.map((c) => [c.key, c.value]));
    for (const relation of tables.relations) {
      const sum = relation.terms.reduce((s, t) => s + t.coefficient * value.get(t.key)!, 0);
      if (relation.kind === 'eq') expect(sum).toBe(relation.constant ?? 0);
      else expect(sum).toBeLessThanOrEqual(relation.constant ?? 0);
    }
    // The partitions tie every entry table to the same total, column by column.
    const partitionOfAge = tables.relations.filter(
      (r) => r.kind === 'eq' && r.terms.some((t) => t.key === 'entry-age/EECO07/female'),
    );
    expect(partitionOfAge.some((r) => r.terms.some((t) => t.key === 'population/entrants/female'))).toBe(true);
  });

  it('shows the set in the report language, with the funder codes', () => {
    const labour = tables.tables.find((t) => t.id === 'entry-labour-market')!;
    expect(labour.title).toEqual({ text: 'Työmarkkina-asema osallistumisen alkaessa' });
    expect(labour.rows.map((r) => r.code)).toEqual(['EECO02', 'EECO03', 'EECO04', 'EECO05', null]);
    expect(labour.rows[1]!.within).toBe(true);
  });
});

describe('an indicator set', () => {
  it('is refused when it names a fact the engine does not read', () => {
    const broken = structuredClone(esfPlus) as { sections: { rows: { when?: { fact: string } }[] }[] };
    broken.sections[0]!.rows[0]!.when!.fact = 'nationality';
    expect(indicatorSetSchema.safeParse(broken).success).toBe(false);
  });

  it('is refused when a row is within a row of another section', () => {
    const broken = structuredClone(esfPlus) as { sections: { rows: { within?: string }[] }[] };
    broken.sections[1]!.rows[0]!.within = 'EECO02';
    expect(indicatorSetSchema.safeParse(broken).success).toBe(false);
  });
});
