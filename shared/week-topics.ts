/**
 * Planning a cohort's topics by week: the topics of one week's sessions, copied to the following weeks by weekday
 * and order (the first Monday session to the first Monday session, and so on). Pure, so that the form can say
 * beforehand how many topics already chosen a copy would replace, and the main side applies exactly the same plan.
 */
import { addDays, isIsoDay, isoWeekday } from './days';
import type { Session, SessionTopic } from './sessions';

/** One session's new topic. */
export type TopicChange = { id: string; topic: SessionTopic | null };

export interface TopicPlan {
  /** The topics to write, the week's own first; only sessions whose topic changes. */
  changes: TopicChange[];
  /** Sessions of the following weeks that already have another topic, left as they are (`overwrite` off). */
  kept: number;
  /** Of `changes`, those that replace a topic already chosen (`overwrite` on). */
  replaced: number;
}

const inWeek = (session: Session, monday: string) => session.date >= monday && session.date <= addDays(monday, 6);

/** "weekday:order" of each session of a week, in time order: the slot a copy fills. */
function slots(sessions: readonly Session[], monday: string): Map<string, Session> {
  const counts = new Map<number, number>();
  const bySlot = new Map<string, Session>();
  for (const session of sessions.filter((s) => inWeek(s, monday))) {
    const weekday = isoWeekday(session.date);
    const order = counts.get(weekday) ?? 0;
    counts.set(weekday, order + 1);
    bySlot.set(`${weekday}:${order}`, session);
  }
  return bySlot;
}

/**
 * The plan for the week starting `monday`: its sessions get `topics` (by id; cancelled ones are not changed), and
 * each week in `copyTo` gets the week's topics slot by slot. A slot without a topic in the source week copies
 * nothing; cancelled sessions are never changed; a topic already chosen is replaced only with `overwrite`.
 * `sessions` are the cohort's, in time order.
 */
export function planWeekTopics(
  sessions: readonly Session[],
  monday: string,
  topics: readonly TopicChange[],
  copyTo: readonly string[],
  overwrite: boolean,
): TopicPlan {
  const edits = new Map(topics.map((change) => [change.id, change.topic]));
  const changes: TopicChange[] = [];
  const source = new Map<string, SessionTopic | null>();
  for (const [slot, session] of slots(sessions, monday)) {
    const edited = session.state !== 'cancelled' && edits.has(session.id);
    const topic = edited ? (edits.get(session.id) ?? null) : session.topic;
    if (edited && topic !== session.topic) changes.push({ id: session.id, topic });
    source.set(slot, topic);
  }
  let kept = 0;
  let replaced = 0;
  for (const target of [...new Set(copyTo)].filter((week) => week > monday).sort()) {
    for (const [slot, session] of slots(sessions, target)) {
      const topic = source.get(slot) ?? null;
      if (topic === null || session.state === 'cancelled' || session.topic === topic) continue;
      if (session.topic !== null && !overwrite) {
        kept++;
        continue;
      }
      if (session.topic !== null) replaced++;
      changes.push({ id: session.id, topic });
    }
  }
  return { changes, kept, replaced };
}

/** Whether a day is a Monday, the day a week is named by. */
export const isMonday = (day: string): boolean => isIsoDay(day) && isoWeekday(day) === 1;
