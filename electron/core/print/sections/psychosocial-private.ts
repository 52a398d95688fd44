import { AppError } from '@shared/errors';
import { projectParticipantEntries } from '../../psychosocial/projection';
import { inRange, rangeWords, type PrintSection } from './section';

/**
 * The psychologist's private notes of the meetings within the chosen days. Read through the log's one projection
 * (psychosocial/projection.ts): a reader who does not get the full view gets no private notes from it, and the
 * section is refused rather than printed empty.
 */
export const psychosocialPrivateSection: PrintSection = {
  id: 'psychosocialPrivate',
  permission: 'psychosocial.private',
  signatures: false,
  dated: true,
  render(context) {
    const { html, text, db, role, participant, range } = context;
    const view = projectParticipantEntries(db, role, participant.id);
    if (view.view !== 'full') throw new AppError('forbidden');
    const shown = view.entries.filter((entry) => entry.privateNotes !== null && inRange(range, entry.date));
    return html`<p class="muted">${rangeWords(context)}</p>
      ${shown.length === 0
        ? html`<p class="muted">${text.t('print.psychosocial.noPrivateNotes')}</p>`
        : shown.map(
            (entry) =>
              html`<div class="entry private">
                <p class="entry-head">
                  ${text.t('psychosocial.entry.heading', {
                    date: text.day(entry.date),
                    kind: text.t(`psychosocial.kinds.${entry.kind}`),
                  })}
                </p>
                <p class="text">${entry.privateNotes}</p>
              </div>`,
          )}`;
  },
};
