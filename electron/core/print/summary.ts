import type { z } from 'zod';
import type { SessionInfo } from '@shared/vault';
import { AppError } from '@shared/errors';
import type { printRequest } from '@shared/print';
import { roleHolds, type Role } from '@shared/roles';
import type { Db } from '../db/open';
import { projectParticipant } from '../participants/projection';
import { findListedParticipant } from '../participants/repo';
import { safetyBanner } from './banner';
import { htmlTag } from './html';
import { printText } from './labels';
import { identityRemover } from './redact';
import { PRINT_SECTIONS } from './sections';
import type { PrintSection, SectionContext } from './sections/section';
import { renderDocument, type DocumentMode } from './template';

export type SummaryRequest = z.output<typeof printRequest>;

/** The sections a role may choose, in print order. */
export function sectionsFor(role: Role, registry: readonly PrintSection[] = PRINT_SECTIONS): PrintSection[] {
  return registry.filter((section) => roleHolds(role, section.permission));
}

function problem(path: string, key: string): AppError {
  return new AppError('invalid_input', { issues: [{ path, i18nKey: `print.problems.${key}` }] });
}

/**
 * The chosen sections in print order. An unknown id is `invalid_input`; a section the role may not print is
 * `forbidden` as a whole: a print that quietly dropped a section would look complete.
 */
function chosenSections(role: Role, ids: readonly string[], registry: readonly PrintSection[]): PrintSection[] {
  const known = new Set(registry.map((section) => section.id));
  if (ids.some((id) => !known.has(id))) throw problem('sections', 'unknownSection');
  const chosen = registry.filter((section) => ids.includes(section.id));
  if (chosen.some((section) => !roleHolds(role, section.permission))) throw new AppError('forbidden');
  return chosen;
}

/** Builds the case summary document for one request, as the session's role may see the file. */
export function buildSummary(
  db: Db,
  session: SessionInfo,
  request: SummaryRequest,
  options: { now: Date; mode: DocumentMode; registry?: readonly PrintSection[] },
): string {
  const sections = chosenSections(session.role, request.sections, options.registry ?? PRINT_SECTIONS);
  const range = { from: request.notesFrom ?? null, to: request.notesTo ?? null };
  if (range.from !== null && range.to !== null && range.from > range.to) throw problem('notesTo', 'rangeReversed');
  const listed = findListedParticipant(db, request.participantId);
  if (!listed) throw new AppError('not_found');
  const view = projectParticipant(session.role, listed);
  if (view.view !== 'full') throw new AppError('forbidden');
  const participant = view.participant;
  const pseudonymOnly = request.pseudonymOnly;
  const context: SectionContext = {
    db,
    role: session.role,
    participant,
    pseudonymOnly,
    range,
    now: options.now,
    text: printText(request.locale),
    html: htmlTag(pseudonymOnly ? identityRemover(participant) : undefined),
  };
  return renderDocument({
    text: context.text,
    html: context.html,
    participant,
    pseudonymOnly,
    printedBy: session.displayName,
    printedAt: options.now,
    banner: safetyBanner(context),
    sections: sections.map((section) => ({ section, body: section.render(context) })),
    mode: options.mode,
  });
}

/** The audit detail of a print: what was printed and how, never its content. */
export function printAuditDetail(request: SummaryRequest, registry: readonly PrintSection[] = PRINT_SECTIONS): string {
  const ids = registry.filter((section) => request.sections.includes(section.id)).map((section) => section.id);
  const range = request.notesFrom || request.notesTo ? `;dates:${request.notesFrom ?? ''}..${request.notesTo ?? ''}` : '';
  return `sections:${ids.join(',')};pseudonymOnly:${request.pseudonymOnly ? 'yes' : 'no'};locale:${request.locale}${range}`;
}
