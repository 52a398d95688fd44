import { listFlags } from '../flags/repo';
import type { Html } from './html';
import type { SectionContext } from './sections/section';

/**
 * The participant's safety flags in force, at the top of every printout whatever its sections: on paper as on
 * every tab of the file, nobody should contact the participant without having seen them.
 */
export function safetyBanner(context: SectionContext): Html | null {
  const { html, text, db, participant } = context;
  const flags = listFlags(db, participant.id, false);
  if (flags.length === 0) return null;
  return html`<section class="banner" aria-labelledby="banner-heading">
    <h2 id="banner-heading">${text.t('print.banner.heading')}</h2>
    <ul>
      ${flags.map(
        (flag) => html`<li><strong>${text.t(`flags.kinds.${flag.kind}`)}</strong>${flag.note ? html`: ${flag.note}` : null}</li>`,
      )}
    </ul>
  </section>`;
}
