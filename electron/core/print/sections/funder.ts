import type { Participation } from '@shared/participation';
import { EXIT_SITUATIONS } from '@shared/participation';
import { readParticipation } from '../../participation/read';
import { facts, type PrintSection, type SectionContext } from './section';

/** What was ticked at exit, in words; "none of these" when nothing was, "not recorded" when it was not asked. */
function exitWords({ text }: SectionContext, exit: Participation['exit']): string {
  if (!exit) return text.t('participation.exit.notRecorded');
  const ticked = EXIT_SITUATIONS.filter((situation) => exit[situation]).map((s) => text.t(`participation.exitSituations.${s}`));
  return ticked.length > 0 ? ticked.join(', ') : text.t('participation.exit.none');
}

function followUpWords({ text }: SectionContext, followUp: Participation['followUp']): string {
  if (!followUp) return text.t('participation.followUp.notRecorded');
  const outcome = text.t(`participation.followUpOutcomes.${followUp.outcome}`);
  if (followUp.outcome === 'not_reached') return outcome;
  const answers = [
    followUp.employed ? text.t('participation.exitSituations.employed') : null,
    followUp.improved ? text.t('participation.followUp.improved') : null,
  ].filter((answer): answer is string => answer !== null);
  return [outcome, ...answers].join(', ');
}

/**
 * The funder's data of the participation, as the file's form shows it: at entry (from the intake and the first
 * enrolment), the situation at exit and the follow-up six months later, each with its day. Codes and days only.
 */
export const funderSection: PrintSection = {
  id: 'funder',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { text, db, participant } = context;
    const p = readParticipation(db, participant.id);
    const day = (value: string | null) => (value === null ? null : text.day(value));
    const code = (prefix: string, value: string | null) => (value === null ? null : text.t(`${prefix}.${value}`));
    return facts(context, [
      [text.t('participation.entry.entryDate'), day(p.entryDate)],
      [text.t('participation.entry.ageClass'), code('participation.ageClasses', p.entry.ageClass)],
      [text.t('participant.fields.labourMarketStatusAtEntry'), code('participant.labourMarket', p.entry.labourMarketStatus)],
      [text.t('participant.fields.educationIsced'), code('participant.education', p.entry.education)],
      [text.t('participation.exit.exitDate'), day(p.exitDate)],
      [text.t('participation.exit.checkedOn'), day(p.exit?.checkedOn ?? null)],
      [text.t('participation.exit.situation'), exitWords(context, p.exit)],
      [text.t('participation.followUp.checkedOn'), day(p.followUp?.checkedOn ?? null)],
      [text.t('participation.followUp.title'), followUpWords(context, p.followUp)],
    ]);
  },
};
