/**
 * An indicator set: the funder's list of what to count, as data with a name and a version
 * (`indicator-sets/*.json`), so that another funder's set is a new file, not new code. Each section counts one
 * population (who entered, who left, who reached six months after leaving in the report's period) by the facts
 * the engine reads from the files (`facts.ts`); each row is a rule over one fact, or the count of those for whom
 * that fact is not known. A set is checked against this schema when it is loaded: a fact it names must exist.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '@shared/locales';
import esfPlus from './indicator-sets/esf-plus-2021-2027.json' with { type: 'json' };

/** Who a section counts, among the participants counted in the report (see `funder.ts`). */
export const POPULATIONS = ['entrants', 'leavers', 'sixMonthsAfter'] as const;
export type Population = (typeof POPULATIONS)[number];

/** The coded facts of a participation; each is a code, `unknown` when the file does not tell. */
export const CODED_FACTS = [
  'labourMarketAtEntry',
  'education',
  'thirdCountryNational',
  'foreignBackground',
  'disability',
  'housingExclusion',
  'exitJobSearching',
  'exitInEducation',
  'exitQualification',
  'exitEmployed',
  'followUpEmployed',
  'followUpImproved',
] as const;
export type CodedFact = (typeof CODED_FACTS)[number];
/** Facts that are a range of whole numbers (the age at entry, known to within the year of birth). */
export const RANGE_FACTS = ['ageAtEntry'] as const;
export type RangeFact = (typeof RANGE_FACTS)[number];

const text = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<Locale, z.ZodString>).strict();

const codedRule = z.object({ fact: z.enum(CODED_FACTS), in: z.array(z.string().min(1)).min(1) }).strict();
const rangeRule = z
  .object({ fact: z.enum(RANGE_FACTS), min: z.number().int().optional(), max: z.number().int().optional() })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, 'a range needs a bound');

const row = z
  .object({
    id: z.string().min(1),
    label: text,
    /** Counted when the rule holds. */
    when: z.union([codedRule, rangeRule]).optional(),
    /** Counted when this fact is not known (a missing answer is counted so, never guessed). */
    unknown: z.enum([...CODED_FACTS, ...RANGE_FACTS]).optional(),
    /** A row whose people are all also in the row named (long-term unemployed within unemployed). */
    within: z.string().optional(),
  })
  .strict()
  .refine((r) => (r.when === undefined) !== (r.unknown === undefined), 'a row counts by a rule or by the unknown');

const section = z
  .object({
    id: z.string().min(1),
    population: z.enum(POPULATIONS),
    /** The rows but those `within` another are a partition of the population: each person in exactly one. */
    partition: z.boolean(),
    title: text,
    rows: z.array(row).min(1),
  })
  .strict();

export const indicatorSetSchema = z
  .object({ id: z.string().min(1), version: z.string().min(1), name: text, sections: z.array(section).min(1) })
  .strict()
  .superRefine((set, ctx) => {
    const ids = set.sections.flatMap((s) => [s.id, ...s.rows.map((r) => r.id)]);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'ids must be unique in a set' });
    for (const s of set.sections) {
      for (const r of s.rows) {
        if (r.within !== undefined && !s.rows.some((other) => other.id === r.within && other.within === undefined)) {
          ctx.addIssue({ code: 'custom', message: `${r.id} is within a row not in its section` });
        }
      }
    }
  });
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;
export type IndicatorSection = IndicatorSet['sections'][number];
export type IndicatorRow = IndicatorSection['rows'][number];

/** The sets this version knows, by id. */
export const INDICATOR_SETS: ReadonlyMap<string, IndicatorSet> = new Map(
  [esfPlus].map((data) => {
    const set = indicatorSetSchema.parse(data);
    return [set.id, set];
  }),
);
export const DEFAULT_INDICATOR_SET = 'esf-plus-2021-2027';

/** What the engine knows of one participation. */
export interface ParticipationFacts {
  coded: Record<CodedFact, string>;
  /** The age at entry as the narrowest range known (null: not known). */
  ageAtEntry: { min: number; max: number } | null;
}

/**
 * Whether a row counts this participation. A range rule counts only when the whole known range lies inside it (a
 * participant born in 1996 who entered in 2026 was 29 or 30: neither 18–29 nor 30–54 is certain, so the age is
 * counted as not known); its unknown row counts exactly those no range row can take.
 */
export function rowCounts(r: IndicatorRow, facts: ParticipationFacts, rangeRows: readonly IndicatorRow[]): boolean {
  if (r.unknown !== undefined) {
    if (r.unknown === 'ageAtEntry') return !rangeRows.some((other) => other.when && ruleHolds(other.when, facts));
    return facts.coded[r.unknown] === 'unknown';
  }
  return r.when !== undefined && ruleHolds(r.when, facts);
}

function ruleHolds(rule: NonNullable<IndicatorRow['when']>, facts: ParticipationFacts): boolean {
  if ('in' in rule) return rule.in.includes(facts.coded[rule.fact]);
  const age = facts.ageAtEntry;
  if (!age) return false;
  return (rule.min === undefined || age.min >= rule.min) && (rule.max === undefined || age.max <= rule.max);
}
