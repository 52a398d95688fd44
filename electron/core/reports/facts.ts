/**
 * The participations a funder report counts, read from the vault in a few set-wise queries (whatever the number of
 * participants) and turned into anonymous facts for `funder-tables.ts`. The counting rules:
 *
 * - **One participation per person**, however many groups: its entry is the first enrolment's start, its exit the
 *   last enrolment's end once no enrolment is open; the entry data are the intake's, the exit data the file's
 *   funder data (`participation_results`).
 * - **Populations of the period** [from, to]: who entered in it (`entrants`), who left in it (`leavers`), whose day
 *   six months after leaving falls in it (`sixMonthsAfter`); "in the programme during the period" is whoever entered
 *   on or before its last day and had not left before its first.
 * - **One group** (optional): only participations that were ever enrolled in it, counted whole.
 * - **Consent**: a participation is counted only when the participant's funder-statistics consent is in force (or
 *   the coordinator's override of it, the same standing every other consent rule uses, `consents/guard.ts`); the
 *   others in the period are only counted as "not counted".
 * - **Age at entry**: from the year of birth, the age on the entry day is the year difference or one less; from an
 *   age band, the band. A class is counted only when the whole range lies in it; otherwise the age is not known.
 * - **Not known is counted as not known**: an intake answer not given, an exit situation or six-month follow-up not
 *   recorded (or the participant not reached) is counted as such, never guessed.
 */
import { addMonths } from '@shared/days';
import type { AGE_BANDS } from '@shared/participants';
import { heldAttendance } from '../attendance/repo';
import { participantsWithStanding } from '../consents/guard';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import type { CodedFact, Population } from './indicator-set';
import type { CountedParticipation, GenderColumn } from './funder-tables';

export interface ReportPeriod {
  from: string;
  to: string;
  cohortId: string | null;
}

interface ParticipationRow {
  id: string;
  gender: string | null;
  birth_year: number | null;
  age_band: (typeof AGE_BANDS)[number] | null;
  labour_market_status_at_entry: string | null;
  education_isced: string | null;
  third_country_national: string | null;
  foreign_background: string | null;
  disability: string | null;
  housing_exclusion: string | null;
  entry: string;
  exit: string | null;
  last_outcome: 'completed' | 'discontinued' | null;
  exit_checked_on: string | null;
  exit_job_searching: number | null;
  exit_in_education: number | null;
  exit_qualification: number | null;
  exit_employed: number | null;
  follow_up_outcome: 'reached' | 'not_reached' | null;
  follow_up_employed: number | null;
  follow_up_improved: number | null;
}

export interface ReadParticipations {
  counted: CountedParticipation[];
  /** The attendance marks of the counted participations on the period's held sessions (of the group, if one). */
  attendance: { attended: number; counted: number };
  /** Participations of the period left out for want of the funder-statistics consent. */
  notCounted: number;
}

/** The participations of a period, as facts. */
export function readParticipations(db: Db, period: ReportPeriod, today: string): ReadParticipations {
  const rows = all<ParticipationRow>(
    db,
    sql`WITH participation AS (
          SELECT participant_id,
                 min(start_date) AS entry,
                 CASE WHEN count(*) = count(end_date) THEN max(end_date) END AS exit
            FROM enrolments GROUP BY participant_id
        )
        SELECT p.id, p.gender, p.birth_year, p.age_band, p.labour_market_status_at_entry, p.education_isced,
               p.third_country_national, p.foreign_background, p.disability, p.housing_exclusion,
               x.entry, x.exit,
               (SELECT e.outcome FROM enrolments e WHERE e.participant_id = p.id AND e.end_date = x.exit
                 ORDER BY e.start_date DESC LIMIT 1) AS last_outcome,
               r.exit_checked_on, r.exit_job_searching, r.exit_in_education, r.exit_qualification, r.exit_employed,
               r.follow_up_outcome, r.follow_up_employed, r.follow_up_improved
          FROM participation x
          JOIN participants p ON p.id = x.participant_id
          LEFT JOIN participation_results r ON r.participant_id = p.id
         WHERE x.entry <= ${period.to} AND (x.exit IS NULL OR x.exit >= ${addMonths(period.from, -6)})
           AND (${period.cohortId} IS NULL
                OR EXISTS (SELECT 1 FROM enrolments c WHERE c.participant_id = p.id AND c.cohort_id = ${period.cohortId}))`,
  );
  const standing = participantsWithStanding(db, 'funder_statistics');
  const counted: CountedParticipation[] = [];
  const countedIds = new Set<string>();
  let notCounted = 0;
  for (const row of rows) {
    const populations = populationsOf(row, period);
    const inPeriod = row.exit === null || row.exit >= period.from;
    if (!inPeriod && populations.size === 0) continue;
    if (!standing.has(row.id)) {
      notCounted += 1;
      continue;
    }
    if (inPeriod) countedIds.add(row.id);
    counted.push({
      gender: genderColumn(row.gender),
      populations,
      inPeriod,
      ended: populations.has('leavers') ? row.last_outcome : null,
      coded: codedFacts(row),
      ageAtEntry: ageAtEntry(row),
    });
  }
  return { counted, notCounted, attendance: attendanceOf(db, period, today, countedIds) };
}

/** The attendance of the counted participations, by the programme's rule (`heldAttendance`, the programme report's too). */
function attendanceOf(db: Db, period: ReportPeriod, today: string, ids: ReadonlySet<string>) {
  let attended = 0;
  let counted = 0;
  for (const row of heldAttendance(db, period, today)) {
    if (!ids.has(row.participantId)) continue;
    counted += row.counted;
    attended += row.attended;
  }
  return { attended, counted };
}

function populationsOf(row: ParticipationRow, period: ReportPeriod): Set<Population> {
  const within = (day: string | null) => day !== null && period.from <= day && day <= period.to;
  const populations = new Set<Population>();
  if (within(row.entry)) populations.add('entrants');
  if (within(row.exit)) populations.add('leavers');
  if (row.exit !== null && within(addMonths(row.exit, 6))) populations.add('sixMonthsAfter');
  return populations;
}

function genderColumn(gender: string | null): GenderColumn {
  return gender === 'female' || gender === 'male' ? gender : 'other';
}

const yesNo = (value: number | null, known: boolean) => (!known || value === null ? 'unknown' : value ? 'yes' : 'no');

function codedFacts(row: ParticipationRow): Record<CodedFact, string> {
  const exitKnown = row.exit_checked_on !== null;
  const reached = row.follow_up_outcome === 'reached';
  return {
    labourMarketAtEntry: row.labour_market_status_at_entry ?? 'unknown',
    education: row.education_isced ?? 'unknown',
    thirdCountryNational: row.third_country_national ?? 'unknown',
    foreignBackground: row.foreign_background ?? 'unknown',
    disability: row.disability ?? 'unknown',
    housingExclusion: row.housing_exclusion ?? 'unknown',
    exitJobSearching: yesNo(row.exit_job_searching, exitKnown),
    exitInEducation: yesNo(row.exit_in_education, exitKnown),
    exitQualification: yesNo(row.exit_qualification, exitKnown),
    exitEmployed: yesNo(row.exit_employed, exitKnown),
    followUpEmployed: yesNo(row.follow_up_employed, reached),
    followUpImproved: yesNo(row.follow_up_improved, reached),
  };
}

/** The oldest an age band reaches, for the open-ended one. */
const OLDEST = 130;

function ageAtEntry(row: ParticipationRow): { min: number; max: number } | null {
  if (row.birth_year !== null) {
    const years = Number(row.entry.slice(0, 4)) - row.birth_year;
    return { min: years - 1, max: years };
  }
  if (row.age_band === null) return null;
  const [min, max] = row.age_band.endsWith('+')
    ? [Number(row.age_band.slice(0, -1)), OLDEST]
    : row.age_band.split('-').map(Number);
  return { min: min!, max: max! };
}
