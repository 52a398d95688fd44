import type { SafetyFlag } from '@shared/flags';
import { listFlags } from '../../flags/repo';
import type { Html } from '../html';
import { nothing, staffName, type PrintSection, type SectionContext } from './section';

/** One flag: its kind in words, the note of what staff must do, who set it and when (and cleared it). */
function flagItem(context: SectionContext, flag: SafetyFlag): Html {
  const { html, text } = context;
  const set = text.t('flags.active.set', { name: staffName(context, flag.setByName), date: text.day(flag.setAt) });
  const meta =
    flag.clearedAt === null
      ? set
      : text.t('flags.history.cleared', {
          setBy: staffName(context, flag.setByName),
          setAt: text.day(flag.setAt),
          clearedBy: staffName(context, flag.clearedByName),
          clearedAt: text.day(flag.clearedAt),
        });
  return html`<div class="entry">
    <p class="entry-head">${text.t(`flags.kinds.${flag.kind}`)}</p>
    ${flag.note ? html`<p class="text">${flag.note}</p>` : null}
    <p class="entry-meta">${meta}</p>
  </div>`;
}

/**
 * Every safety flag, those in force first, then the cleared ones as history. (The flags in force are also at the
 * top of every printout, whatever the sections.)
 */
export const flagsSection: PrintSection = {
  id: 'flags',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { html, text, db, participant } = context;
    const flags = listFlags(db, participant.id, true);
    if (flags.length === 0) return nothing(context);
    const inForce = flags.filter((f) => f.clearedAt === null);
    const cleared = flags.filter((f) => f.clearedAt !== null);
    return html`${inForce.length > 0
      ? html`<h3>${text.t('print.flags.inForce')}</h3>
          ${inForce.map((f) => flagItem(context, f))}`
      : null}${cleared.length > 0
      ? html`<h3>${text.t('print.flags.cleared')}</h3>
          ${cleared.map((f) => flagItem(context, f))}`
      : null}`;
  },
};
