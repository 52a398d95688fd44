import type { SummaryEntry } from '@shared/psychosocial';
import { projectParticipantEntries } from '../../psychosocial/projection';
import type { Html } from '../html';
import { facts, inRange, nothing, rangeWords, staffName, type PrintSection, type SectionContext } from './section';

function appointment({ text }: SectionContext, entry: SummaryEntry): string {
  const next = entry.nextAppointment;
  if (!next) return text.t('psychosocial.entry.noAppointment');
  return next.time ? `${text.day(next.date)} ${next.time}` : text.day(next.date);
}

function entryBlock(context: SectionContext, entry: SummaryEntry): Html {
  const { html, text } = context;
  const head = text.t('psychosocial.entry.heading', {
    date: text.day(entry.date),
    kind: text.t(`psychosocial.kinds.${entry.kind}`),
  });
  return html`<div class="entry">
    <p class="entry-head">${head}</p>
    <p class="entry-meta">${text.t('psychosocial.entry.recordedBy', { name: staffName(context, entry.createdByName) })}</p>
    ${facts(context, [
      [text.t('psychosocial.entry.duration'), text.t('psychosocial.entry.minutes', { count: entry.durationMinutes })],
      [text.t('print.psychosocial.risk'), text.t(`psychosocial.risk.${entry.riskLevel}`)],
      [text.t('print.psychosocial.summary'), entry.summary ?? text.t('psychosocial.entry.noSummary')],
      [text.t('print.psychosocial.nextAppointment'), appointment(context, entry)],
    ])}
  </div>`;
}

/**
 * The psychosocial support log as every reader of it sees it: meetings within the chosen days with their
 * shareable summaries. Never the private notes, whoever prints (they have a section of their own).
 */
export const psychosocialSection: PrintSection = {
  id: 'psychosocial',
  permission: 'psychosocial.read',
  signatures: false,
  dated: true,
  render(context) {
    const { html, db, role, participant, range } = context;
    const shown = projectParticipantEntries(db, role, participant.id).entries.filter((e) => inRange(range, e.date));
    return html`<p class="muted">${rangeWords(context)}</p>
      ${shown.length === 0 ? nothing(context) : shown.map((entry) => entryBlock(context, entry))}`;
  },
};
