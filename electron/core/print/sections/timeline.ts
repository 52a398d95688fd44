import type { TimelineItem, TimelineKind } from '@shared/timeline';
import { participantTimeline } from '../../timeline/timeline';
import type { Html } from '../html';
import { nothing, staffName, type PrintSection, type SectionContext } from './section';

/** Where the words for each kind's code live, as on the timeline tab. */
const LABEL_PREFIX: Record<TimelineKind, string | null> = {
  participant_created: null,
  status_changed: 'participant.status',
  note: 'notes.types',
  psychosocial: 'psychosocial.kinds',
  referral: 'referrals.statuses',
  consent_given: 'consents.purposes',
  consent_withdrawn: 'consents.purposes',
  consent_override: 'consents.purposes',
  flag_set: 'flags.kinds',
  flag_cleared: 'flags.kinds',
  plan_saved: null,
  assessment_recorded: 'assessments.stages',
  assessment_updated: 'assessments.stages',
  exit_situation_recorded: null,
  follow_up_recorded: 'participation.followUpOutcomes',
};

function what({ text }: SectionContext, item: TimelineItem): string {
  const kind = text.t(`case.timeline.kinds.${item.kind}`);
  const prefix = LABEL_PREFIX[item.kind];
  const labelKey = prefix ? `${prefix}.${item.label}` : null;
  return labelKey && text.has(labelKey) ? text.t('case.timeline.kindWithLabel', { kind, label: text.t(labelKey) }) : kind;
}

function row(context: SectionContext, item: TimelineItem): Html {
  const { html, text } = context;
  const when = item.at.length > 10 ? text.moment(item.at) : text.day(item.at);
  return html`<tr>
    <td class="col-when">${when}</td>
    <td>${what(context, item)}${item.text ? html`<div class="text muted">${item.text}</div>` : null}</td>
    <td class="col-by">${staffName(context, item.byName)}</td>
  </tr>`;
}

/**
 * Everything about the participant, newest first, from the same sources as the timeline tab, which decide what
 * the role may see. Private psychosocial notes are on no timeline, for any role.
 */
export const timelineSection: PrintSection = {
  id: 'timeline',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { html, text, db, participant, role } = context;
    const items = participantTimeline(db, participant.id, role);
    if (items.length === 0) return nothing(context);
    const head = html`<tr>
      <th class="col-when">${text.t('print.timeline.date')}</th>
      <th>${text.t('print.timeline.what')}</th>
      <th class="col-by">${text.t('print.timeline.by')}</th>
    </tr>`;
    return html`<p class="muted">${text.t('print.timeline.intro')}</p>
      <table>
        <thead>
          ${head}
        </thead>
        <tbody>
          ${items.map((item) => row(context, item))}
        </tbody>
      </table>`;
  },
};
