/**
 * The programme report (`reports.programme`): the programme's own results of a period, per group and for the groups
 * together, read in a few set-wise queries, suppressed (`suppression.ts`) in one call with every relation a reader
 * can see, and sent as tables of cells that may be shown. The rules (docs/programme.md, "Programme report"):
 *
 * - **Groups**: those with a session held in the period (planned, dated within it and not after today), or the one
 *   group asked for. The coordinator sees every group; a caseworker only those they are staff of.
 * - **Participants** of a group: those with an enrolment in it (group or individual guidance) open at some time in
 *   the period, once each; completed and discontinued: those whose last such enrolment ended in the period so.
 * - **Attendance**: the programme's rule (`heldAttendance`) over the group's sessions held in the period.
 * - **Sessions** held by topic and **visits** made on them: counts of the group's meetings, not of people, shown
 *   as they are.
 * - **Referrals** made in the period (the day the draft was made), by service type and their status today, each
 *   counted in the one group its participant was enrolled in on that day (the latest begun, if two).
 * - **Change** from intake to exit per domain: `readCohortChange`, everyone ever enrolled in the group.
 * - **All groups**: every figure the sum of the groups' (a participant in two groups counts in each).
 * - **Everyone counts**: this is the programme's internal report, so the funder-statistics consent (which decides
 *   who the funder report counts) does not leave anyone out.
 */
import { CHANGE_KINDS, type DomainChangeCounts } from '@shared/assessments';
import { AppError } from '@shared/errors';
import { REFERRAL_STATUSES, SERVICE_TYPES } from '@shared/referrals';
import type { ProgrammeReport, ProgrammeSection, ReportCell, ReportRow, ReportTable } from '@shared/reports';
import { SESSION_TOPICS } from '@shared/sessions';
import { VISIT_KINDS } from '@shared/visits';
import { readCohortChange } from '../assessments/cohort-change';
import { percent } from '../attendance/figures';
import { heldAttendance } from '../attendance/repo';
import { roleHolds, type Role } from '@shared/roles';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';
import { readSettings } from '../settings/repo';
import type { ReportPeriod } from './facts';
import { asCell } from './funder';
import { sumRelation, suppressCounts, tableRelations, type Count, type Relation, type Shown } from './suppression';

/** Who asks: the coordinator sees every group, a caseworker the groups they are staff of. */
export interface ProgrammeReader {
  userId: string;
  everyGroup: boolean;
}

/**
 * Who reads a programme report: whoever reads the funder report (the coordinator) already reads the whole
 * programme's counts and covers every group; anyone else the groups they are staff of.
 */
export function programmeReader(session: { userId: string; role: Role }): ProgrammeReader {
  return { userId: session.userId, everyGroup: roleHolds(session.role, 'reports.funder') };
}

interface Group {
  id: string;
  name: string;
}

/** A session's topic, or none chosen. */
const TOPIC_ROWS = [...SESSION_TOPICS, 'none'] as const;
type TopicRow = (typeof TOPIC_ROWS)[number];

/** One section's figures before suppression: never sent. */
interface Figures {
  enrolled: number;
  completed: number;
  discontinued: number;
  attendance: { attended: number; counted: number; people: number };
  sessions: Map<TopicRow, number>;
  visits: Map<string, number>;
  /** `${serviceType}/${status}` → referrals. */
  referrals: Map<string, number>;
  change: DomainChangeCounts[];
}

/** The section of all groups: its keys are never a cohort's (a record id is hexadecimal). */
const ALL = 'all';

export function programmeReport(db: Db, period: ReportPeriod, reader: ProgrammeReader, today: string): ProgrammeReport {
  const last = period.to < today ? period.to : today;
  const groups = groupsOf(db, period, reader, last);
  const asked = period.cohortId === null ? null : groups[0]!;
  const k = readSettings(db).reportThreshold;
  const own = suppressed(db, period, groups, last, today, k);
  let shown = own.shown;
  if (period.cohortId !== null) {
    // A group's own report shows nothing the report of all the reader's groups hides of it: a count hidden there to
    // protect another group's would otherwise be read here, and that group's worked out from the whole.
    const all = groupsOf(db, { ...period, cohortId: null }, reader, last);
    if (all.length > 1 && all.some((g) => g.id === period.cohortId)) {
      const wider = suppressed(db, { ...period, cohortId: null }, all, last, today, k).shown;
      shown = new Map(
        [...own.shown].map(([key, mine]): [string, Shown] => {
          const there = wider.get(key);
          return [key, mine.kind === 'value' && there !== undefined && there.kind !== 'value' ? { kind: 'hidden' } : mine];
        }),
      );
    }
  }
  const cell = (key: string): ReportCell => asCell(shown.get(key)!, k);

  return {
    period: { from: period.from, to: period.to },
    cohort: asked,
    threshold: k,
    sections: own.sections.map((s, i) => section(s.cohort, s.figures, own.layouts[i]!, cell, shown, k)),
  };
}

/** The sections of a report of `groups` (and of them all, when more than one), their counts laid out and suppressed. */
function suppressed(db: Db, period: ReportPeriod, groups: readonly Group[], last: string, today: string, k: number) {
  const figures = readFigures(db, period, groups, last, today);

  const sections: { id: string; cohort: Group | null; figures: Figures }[] = groups.map((g) => ({
    id: g.id,
    cohort: g,
    figures: figures.get(g.id)!,
  }));
  if (groups.length > 1) sections.push({ id: ALL, cohort: null, figures: sumOf([...figures.values()]) });

  const counts: Count[] = [];
  const relations: Relation[] = [];
  // With several groups, the referrals and the change are published for the whole only: per group they would make
  // three-way tables (service × status × group, domain × kind × group) whose suppression takes minutes from about ten
  // groups on, and a group's own are one choice of the group away.
  const whole = sections.length - 1;
  const layouts = sections.map((s, i) => sectionCounts(s.id, s.figures, counts, relations, groups.length === 1 || i === whole));
  if (groups.length > 1) {
    // What a reader knows of the whole: each of its figures the groups also publish is the sum of theirs.
    const groupKeys = new Set(layouts.slice(0, -1).flatMap((l) => l.keys));
    for (const key of layouts.at(-1)!.keys) {
      const suffix = key.slice(ALL.length);
      const parts = groups.map((g) => g.id + suffix);
      const published = parts.filter((p) => groupKeys.has(p)).length;
      if (published === 0) continue;
      if (published < parts.length) throw new Error('A group lacks a figure of the whole.');
      relations.push(sumRelation(parts, key));
    }
  }
  return { sections, layouts, shown: suppressCounts(counts, relations, k) };
}

/** The groups of the report, oldest first: not_found for a group not stored, forbidden for another's. */
function groupsOf(db: Db, period: ReportPeriod, reader: ProgrammeReader, last: string): Group[] {
  const staffOf = (cohortId: string) =>
    get(db, sql`SELECT 1 FROM cohort_staff WHERE cohort_id = ${cohortId} AND user_id = ${reader.userId}`) !== undefined;
  if (period.cohortId !== null) {
    const cohort = get<Group>(db, sql`SELECT id, name FROM cohorts WHERE id = ${period.cohortId}`);
    if (!cohort) throw new AppError('not_found');
    // The group exists for every reader (its calendar is open to all); its figures are its staff's and the coordinator's.
    if (!reader.everyGroup && !staffOf(cohort.id)) throw new AppError('forbidden');
    return [cohort];
  }
  return all<Group>(
    db,
    sql`SELECT c.id, c.name FROM cohorts c
         WHERE EXISTS (SELECT 1 FROM cohort_sessions s WHERE s.cohort_id = c.id AND s.state = 'planned'
                          AND s.date >= ${period.from} AND s.date <= ${last})
           AND (${reader.everyGroup ? 1 : 0} = 1
                OR EXISTS (SELECT 1 FROM cohort_staff cs WHERE cs.cohort_id = c.id AND cs.user_id = ${reader.userId}))
         ORDER BY c.start_date, c.name_key, c.id`,
  );
}

function emptyFigures(change: DomainChangeCounts[]): Figures {
  return {
    enrolled: 0,
    completed: 0,
    discontinued: 0,
    attendance: { attended: 0, counted: 0, people: 0 },
    sessions: new Map(TOPIC_ROWS.map((t) => [t, 0])),
    visits: new Map(VISIT_KINDS.map((v) => [v, 0])),
    referrals: new Map(),
    change,
  };
}

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** Each group's figures, by group id. */
function readFigures(db: Db, period: ReportPeriod, groups: readonly Group[], last: string, today: string): Map<string, Figures> {
  const figures = new Map(groups.map((g) => [g.id, emptyFigures(readCohortChange(db, g.id))]));

  // Enrolments open at some time in the period; a participant's last one in a group says how they left it.
  const enrolments = all<{
    id: string;
    cohort_id: string;
    participant_id: string;
    start_date: string;
    end_date: string | null;
    outcome: 'completed' | 'discontinued' | null;
  }>(
    db,
    sql`SELECT id, cohort_id, participant_id, start_date, end_date, outcome FROM enrolments
         WHERE start_date <= ${period.to} AND (end_date IS NULL OR end_date >= ${period.from})
         ORDER BY start_date, id`,
  ).filter((e) => figures.has(e.cohort_id));
  const lastInGroup = new Map<string, (typeof enrolments)[number]>();
  for (const e of enrolments) lastInGroup.set(`${e.cohort_id}/${e.participant_id}`, e);
  for (const e of lastInGroup.values()) {
    const f = figures.get(e.cohort_id)!;
    f.enrolled += 1;
    if (e.end_date !== null && e.end_date <= period.to && e.outcome !== null) f[e.outcome] += 1;
  }

  for (const row of heldAttendance(db, period, today)) {
    const f = figures.get(row.cohortId);
    if (!f || row.counted === 0) continue;
    f.attendance.attended += row.attended;
    f.attendance.counted += row.counted;
    f.attendance.people += 1;
  }

  for (const row of all<{ cohort_id: string; topic: TopicRow | null; n: number }>(
    db,
    sql`SELECT cohort_id, topic, count(*) AS n FROM cohort_sessions
         WHERE state = 'planned' AND date >= ${period.from} AND date <= ${last}
         GROUP BY cohort_id, topic`,
  )) {
    const f = figures.get(row.cohort_id);
    if (f) add(f.sessions, row.topic ?? 'none', row.n);
  }

  for (const row of all<{ cohort_id: string; kind: string; n: number }>(
    db,
    sql`SELECT s.cohort_id, v.kind, count(*) AS n FROM visits v JOIN cohort_sessions s ON s.id = v.session_id
         WHERE s.state = 'planned' AND s.date >= ${period.from} AND s.date <= ${last}
         GROUP BY s.cohort_id, v.kind`,
  )) {
    const f = figures.get(row.cohort_id);
    if (f) add(f.visits, row.kind, row.n);
  }

  // A referral counts in the group its participant was enrolled in on the day it was made: the latest begun.
  const referrals = all<{ participant_id: string; service_type: string; status: string; made: string }>(
    db,
    sql`SELECT r.participant_id, r.service_type, r.status, e.made
          FROM referrals r
          JOIN (SELECT referral_id, min(date) AS made FROM referral_events WHERE status = 'draft' GROUP BY referral_id) e
            ON e.referral_id = r.id
         WHERE e.made >= ${period.from} AND e.made <= ${period.to}`,
  );
  for (const r of referrals) {
    let group: string | undefined;
    for (const e of enrolments) {
      if (e.participant_id !== r.participant_id || e.start_date > r.made) continue;
      if (e.end_date !== null && e.end_date < r.made) continue;
      group = e.cohort_id; // in start order: the last found is the latest begun
    }
    if (group !== undefined) add(figures.get(group)!.referrals, `${r.service_type}/${r.status}`, 1);
  }
  return figures;
}

/** The figures of all groups: each the sum of the groups'. */
function sumOf(all: readonly Figures[]): Figures {
  const sum = emptyFigures(all[0]!.change.map((d) => ({ ...d, up: 0, same: 0, down: 0, missing: 0, n: 0 })));
  for (const f of all) {
    sum.enrolled += f.enrolled;
    sum.completed += f.completed;
    sum.discontinued += f.discontinued;
    sum.attendance.attended += f.attendance.attended;
    sum.attendance.counted += f.attendance.counted;
    sum.attendance.people += f.attendance.people;
    for (const [key, n] of f.sessions) add(sum.sessions, key, n);
    for (const [key, n] of f.visits) add(sum.visits, key, n);
    for (const [key, n] of f.referrals) add(sum.referrals, key, n);
    f.change.forEach((d, i) => {
      const row = sum.change[i]!;
      if (row.domain !== d.domain) throw new Error('The groups’ domains differ.');
      for (const kind of CHANGE_KINDS) row[kind] += d[kind];
      row.n += d.n;
    });
  }
  return sum;
}

/** A section's count keys, laid out as its tables print them. */
interface Layout {
  /** Every count key of the section, each once. */
  keys: string[];
  participation: { enrolled: string; completed: string; discontinued: string };
  /** referrals[service][status], the last row and column the totals; null where the section does not publish them. */
  referrals: string[][] | null;
  /** change[domain][kind], then the domain's total (the same key in every row); null likewise. */
  change: string[][] | null;
}

/** Adds a section's counts of people and what a reader knows of them to the report's; returns their keys. */
function sectionCounts(id: string, f: Figures, counts: Count[], relations: Relation[], detail: boolean): Layout {
  const keys: string[] = [];
  const count = (suffix: string, value: number) => {
    const key = `${id}/${suffix}`;
    counts.push({ key, value });
    keys.push(key);
    return key;
  };

  const participation = {
    enrolled: count('enrolled', f.enrolled),
    completed: count('completed', f.completed),
    discontinued: count('discontinued', f.discontinued),
  };
  // Who completed or discontinued was enrolled.
  relations.push({
    kind: 'le',
    terms: [
      { key: participation.completed, coefficient: 1 },
      { key: participation.discontinued, coefficient: 1 },
      { key: participation.enrolled, coefficient: -1 },
    ],
  });

  if (!detail) return { keys, participation, referrals: null, change: null };

  // Referrals: service type × status, with each row's total, each column's total and the grand total.
  const cells = SERVICE_TYPES.map((service) =>
    REFERRAL_STATUSES.map((status) => count(`referrals/${service}/${status}`, f.referrals.get(`${service}/${status}`) ?? 0)),
  );
  const rowTotals = SERVICE_TYPES.map((service) =>
    count(
      `referrals/${service}/total`,
      REFERRAL_STATUSES.reduce((s, status) => s + (f.referrals.get(`${service}/${status}`) ?? 0), 0),
    ),
  );
  const columnTotals = REFERRAL_STATUSES.map((status) =>
    count(
      `referrals/total/${status}`,
      SERVICE_TYPES.reduce((s, service) => s + (f.referrals.get(`${service}/${status}`) ?? 0), 0),
    ),
  );
  const grandTotal = count(
    'referrals/total/total',
    [...f.referrals.values()].reduce((s, n) => s + n, 0),
  );
  relations.push(...tableRelations({ cells, rowTotals, columnTotals, grandTotal }));

  // Change: per domain, up + same + down + cannot compare = the group's participants (ever enrolled).
  const n = count('change/n', f.change[0]?.n ?? 0);
  const change = f.change.map((d) => {
    if (d.n !== f.change[0]!.n) throw new Error('Every domain counts the same participants.');
    const row = CHANGE_KINDS.map((kind) => count(`change/${d.domain}/${kind}`, d[kind]));
    relations.push(sumRelation(row, n));
    return [...row, n];
  });
  // Who was enrolled in the period was ever enrolled.
  relations.push({
    kind: 'le',
    terms: [
      { key: participation.enrolled, coefficient: 1 },
      { key: n, coefficient: -1 },
    ],
  });

  return {
    keys,
    participation,
    referrals: [...cells.map((row, r) => [...row, rowTotals[r]!]), [...columnTotals, grandTotal]],
    change,
  };
}

function section(
  cohort: Group | null,
  f: Figures,
  layout: Layout,
  cell: (key: string) => ReportCell,
  shown: ReadonlyMap<string, Shown>,
  k: number,
): ProgrammeSection {
  const value = (n: number): ReportCell => ({ kind: 'value', value: n });
  const row = (id: string, key: string, cells: ReportCell[], within = false): ReportRow => ({
    id,
    label: { key },
    code: null,
    within,
    cells,
  });
  const p = layout.participation;
  const sessionsTotal = [...f.sessions.values()].reduce((s, n) => s + n, 0);
  const visitsTotal = [...f.visits.values()].reduce((s, n) => s + n, 0);
  const tables: ReportTable[] = [
    {
      id: 'participation',
      title: { key: 'reports.programme.participation' },
      columns: [{ key: 'reports.programme.participants' }],
      rows: [
        row('enrolled', 'reports.programme.enrolled', [cell(p.enrolled)]),
        row('completed', 'participant.status.completed', [cell(p.completed)], true),
        row('discontinued', 'participant.status.discontinued', [cell(p.discontinued)], true),
      ],
    },
    {
      id: 'sessions',
      title: { key: 'reports.programme.sessions' },
      columns: [{ key: 'reports.programme.sessionsHeld' }],
      rows: [
        ...SESSION_TOPICS.map((topic) => row(topic, `programme.topics.${topic}`, [value(f.sessions.get(topic) ?? 0)])),
        row('none', 'programme.sessions.noTopic', [value(f.sessions.get('none') ?? 0)]),
        row('total', 'reports.programme.allSessions', [value(sessionsTotal)]),
      ],
    },
    {
      id: 'visits',
      title: { key: 'reports.programme.visits' },
      columns: [{ key: 'reports.programme.visitsMade' }],
      rows: [
        ...VISIT_KINDS.map((kind) => row(kind, `partners.kinds.${kind}`, [value(f.visits.get(kind) ?? 0)])),
        row('total', 'reports.programme.allVisits', [value(visitsTotal)]),
      ],
    },
  ];
  const { referrals, change } = layout;
  if (referrals && change) {
    tables.push(
      {
        id: 'referrals',
        title: { key: 'reports.programme.referrals' },
        columns: [
          ...REFERRAL_STATUSES.map((status) => ({ key: `referrals.statuses.${status}` })),
          { key: 'reports.columns.total' },
        ],
        rows: [
          ...SERVICE_TYPES.map((service, r) => row(service, `referrals.serviceTypes.${service}`, referrals[r]!.map(cell))),
          row('total', 'reports.programme.allServices', referrals.at(-1)!.map(cell)),
        ],
      },
      {
        id: 'change',
        title: { key: 'reports.programme.change' },
        columns: [
          ...CHANGE_KINDS.map((kind) => ({ key: `assessments.cohortChange.kinds.${kind}` })),
          { key: 'assessments.cohortChange.total' },
        ],
        rows: f.change.map((d, r) => row(d.domain, `assessments.domains.${d.domain}`, change[r]!.map(cell))),
      },
    );
  }
  // A rate over too few people says something of each of them: shown only when the participants are shown and
  // the marks it counts are of k people at least.
  const participants = shown.get(p.enrolled)!;
  const rateShown = participants.kind === 'value' && f.attendance.people >= k;
  return {
    cohort,
    attendanceRate: rateShown ? percent(f.attendance.attended, f.attendance.counted) : null,
    tables,
  };
}
