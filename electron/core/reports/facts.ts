/**
 * The participations a funder report counts, read from the vault in a few set-wise queries (whatever the number of
 * participants) and turned into anonymous facts for `funder-tables.ts`. The counting rules:
 *
 * - **One participation per person**, however many groups: its entry is the first enrolment's start, its exit the
 *   last enrolment's end once no enrolment is open (`participation/dates.ts`, the rule the file shows too); the
 *   entry data are the intake's, the exit data the file's funder data (`participation_results`).
 * - **Populations of the period** [from, to]: who entered in it (`entrants`), who left in it (`leavers`), whose day
 *   six months after leaving falls in it (`sixMonthsAfter`); "in the programme during the period" is whoever entered
 *   on or before its last day and had not left before its first.
 * - **One group** (optional): only participations that were ever enrolled in it, counted whole.
 * - **Consent**: a participation is counted only when the participant's funder-statistics consent is in force (or
 *   the coordinator's override of it, the same standing every other consent rule uses, `consents/guard.ts`); the
 *   others in the period are only counted as "not counted".
 * - **Age at entry**: the range of ages the file allows on the entry day (`ageRangeAtEntry`, the file's own rule); a
 *   class is counted only when the whole range lies in it; otherwise the age is not known.
 * - **Not known is counted as not known**: an intake answer not given, an exit situation or six-month follow-up not
 *   recorded (or the participant not reached) is counted as such, never guessed.
 */
import { addMonths } from '@shared/days';
import type { AGE_BANDS } from '@shared/participants';
import { ageRangeAtEntry } from '@shared/participation';
import { heldAttendance } from '../attendance/repo';
import { participantsWithStanding } from '../consents/guard';
import { exitOutcomes, participationDates } from '../participation/dates';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import type { CodedFact, Population } from './indicator-set';
import type { CountedParticipation, GenderColumn } from './funder-tables';

export interface ReportPeriod {
  from: string;
  to: string;
  cohortId: string | null;
}

interface ParticipantRow {
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
  const dates = participationDates(db);
  const inCohort = period.cohortId
    ? new Set(
        all<{ participant_id: string }>(
          db,
          sql`SELECT DISTINCT participant_id FROM enrolments WHERE cohort_id = ${period.cohortId}`,
        ).map((r) => r.participant_id),
      )
    : null;
  const lastOutcome = exitOutcomes(db);
  const rows = all<ParticipantRow>(
    db,
    sql`SELECT p.id, p.gender, p.birth_year, p.age_band, p.labour_market_status_at_entry, p.education_isced,
               p.third_country_national, p.foreign_background, p.disability, p.housing_exclusion,
               r.exit_checked_on, r.exit_job_searching, r.exit_in_education, r.exit_qualification, r.exit_employed,
               r.follow_up_outcome, r.follow_up_employed, r.follow_up_improved
          FROM participants p LEFT JOIN participation_results r ON r.participant_id = p.id`,
  );
  const standing = participantsWithStanding(db, 'funder_statistics');
  const counted: CountedParticipation[] = [];
  const countedIds = new Set<string>();
  let notCounted = 0;
  for (const row of rows) {
    const participation = dates.get(row.id);
    if (!participation || (inCohort && !inCohort.has(row.id))) continue;
    const { entryDate: entry, exitDate: exit } = participation;
    const populations = populationsOf(entry, exit, period);
    const inPeriod = entry <= period.to && (exit === null || exit >= period.from);
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
      ended: populations.has('leavers') ? (lastOutcome.get(row.id) ?? null) : null,
      coded: codedFacts(row),
      ageAtEntry: ageRangeAtEntry({ birthYear: row.birth_year, ageBand: row.age_band }, entry),
    });
  }
  return { counted, notCounted, attendance: attendanceOf(db, period, today, countedIds) };
}

function populationsOf(entry: string, exit: string | null, period: ReportPeriod): Set<Population> {
  const within = (day: string | null) => day !== null && period.from <= day && day <= period.to;
  const populations = new Set<Population>();
  if (within(entry)) populations.add('entrants');
  if (within(exit)) populations.add('leavers');
  if (exit !== null && within(addMonths(exit, 6))) populations.add('sixMonthsAfter');
  return populations;
}

function genderColumn(gender: string | null): GenderColumn {
  if (gender === 'female') return 'women';
  if (gender === 'male') return 'men';
  return 'otherOrNotTold';
}

const yesNo = (value: number | null, known: boolean) => (!known || value === null ? 'unknown' : value ? 'yes' : 'no');

function codedFacts(row: ParticipantRow): Record<CodedFact, string> {
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
