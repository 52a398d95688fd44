/**
 * Every section of the case summary, in the order they print. A new section is a file in this folder, one line
 * here and its name under `print.sections.<id>` in ../labels/*.json; the renderer learns of it from print.sections.
 */
import { assessmentsSection } from './assessments';
import { attendanceSection } from './attendance';
import { basicSection } from './basic';
import { consentsSection } from './consents';
import { flagsSection } from './flags';
import { funderSection } from './funder';
import { notesSection } from './notes';
import { planSection } from './plan';
import { psychosocialSection } from './psychosocial';
import { psychosocialPrivateSection } from './psychosocial-private';
import { referralSection } from './referral';
import { referralsSection } from './referrals';
import type { PrintSection } from './section';
import { timelineSection } from './timeline';

export const PRINT_SECTIONS: readonly PrintSection[] = [
  basicSection,
  referralSection,
  consentsSection,
  flagsSection,
  notesSection,
  psychosocialSection,
  psychosocialPrivateSection,
  attendanceSection,
  planSection,
  assessmentsSection,
  funderSection,
  referralsSection,
  timelineSection,
];
