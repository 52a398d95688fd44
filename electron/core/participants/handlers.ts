import { randomBytes } from 'node:crypto';
import { AppError, type FieldIssue } from '@shared/errors';
import {
  birthYearMax,
  LIMITED_SORT_KEYS,
  PARTICIPANT_PAGE_SIZE,
  STATUS_TRANSITIONS,
  type Participant,
} from '@shared/participants';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { recordClosing } from '../retention/repo';
import { countParticipantRows } from './deletion';
import { eraseParticipants, refuseWhileRestorePending } from './erasure';
import { findPossibleDuplicates } from './duplicates';
import { participantViewOf, projectPage, projectParticipant } from './projection';
import { nextPseudonym } from './pseudonym';
import {
  canBeResponsible,
  findListedParticipant,
  findParticipant,
  insertParticipant,
  listCaseworkerOptions,
  listParticipants,
  writeParticipantData,
  type ParticipantData,
} from './repo';

type FieldChange = { [K in keyof ParticipantData]?: ParticipantData[K] | undefined };

const EMPTY_RECORD: ParticipantData = {
  firstName: null,
  lastName: null,
  preferredName: null,
  birthYear: null,
  ageBand: null,
  gender: null,
  languages: [],
  interpreterNeeded: false,
  interpreterLanguage: null,
  phone: null,
  email: null,
  safeContactMethod: null,
  safeContactNotes: null,
  nationalAssistanceStatus: null,
  referralSourceType: null,
  referralOrganisation: null,
  referralContactPerson: null,
  referralDate: null,
  workAbility: null,
  educationIsced: null,
  labourMarketStatusAtEntry: null,
  thirdCountryNational: null,
  foreignBackground: null,
  disability: null,
  housingExclusion: null,
  responsibleCaseworkerId: null,
  status: 'referred',
  discontinuedReason: null,
};
const DATA_FIELDS = Object.keys(EMPTY_RECORD) as (keyof ParticipantData)[];
const isDataField = (key: string): key is keyof ParticipantData => Object.hasOwn(EMPTY_RECORD, key);

function dataOf(participant: Participant): ParticipantData {
  // Built from the same keys as EMPTY_RECORD, so every field of ParticipantData is present.
  return Object.fromEntries(DATA_FIELDS.map((key) => [key, participant[key]])) as ParticipantData;
}

/** The record with every field the change gives; left-out (undefined) fields stay as they were. */
function applyChange(base: ParticipantData, change: FieldChange): ParticipantData {
  const given = Object.entries(change).filter(([key, value]) => value !== undefined && isDataField(key));
  // Only keys of ParticipantData with their own (schema-checked) values survive the filter.
  return { ...base, ...(Object.fromEntries(given) as FieldChange) };
}

function changedFields(before: ParticipantData, after: ParticipantData): string[] {
  return DATA_FIELDS.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** Rules over the whole record that a schema of one request cannot check; broken ones are `invalid_input`. */
function assertValidRecord(db: Db, record: ParticipantData, before: ParticipantData | null, now: Date): void {
  const issues: FieldIssue[] = [];
  if (record.birthYear !== null && record.birthYear > birthYearMax(now))
    issues.push({ path: 'birthYear', i18nKey: 'validation.too_big' });
  if (record.birthYear !== null && record.ageBand !== null)
    issues.push({ path: 'ageBand', i18nKey: 'validation.birth_year_or_age_band' });
  if (record.interpreterLanguage !== null && !record.interpreterNeeded)
    issues.push({ path: 'interpreterLanguage', i18nKey: 'validation.interpreter_not_needed' });
  // Checked only when set now: a caseworker who has since left does not block edits of other fields.
  const caseworker = record.responsibleCaseworkerId;
  if (caseworker !== null && caseworker !== before?.responsibleCaseworkerId && !canBeResponsible(db, caseworker))
    issues.push({ path: 'responsibleCaseworkerId', i18nKey: 'validation.invalid_value' });
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

function existing(db: Db, id: string): Participant {
  const participant = findParticipant(db, id);
  if (!participant) throw new AppError('not_found');
  return participant;
}

function stored(db: Db, id: string): Participant {
  const participant = findParticipant(db, id);
  if (!participant) throw new Error('participant vanished');
  return participant;
}

/**
 * Participants' case files. Every handler runs in one transaction with its audit record (dispatch), so a
 * refused request writes nothing. Audit records hold ids and field names, never values.
 */
export const participantHandlers = {
  'participants.list': {
    kind: 'tx',
    run: (input, { db, session }) => {
      const limited = participantViewOf(session.role) === 'limited';
      const sort = input.sort ?? 'pseudonym';
      // Filtering or sorting by a hidden field would reveal it, one query at a time; the cohort is shown.
      const hiddenFilter =
        input.status !== undefined || input.responsibleCaseworkerId !== undefined || input.flagged !== undefined;
      if (limited && (hiddenFilter || !LIMITED_SORT_KEYS.includes(sort))) throw new AppError('forbidden');
      const { participants, total } = listParticipants(db, {
        statuses: input.status,
        responsibleCaseworkerId: input.responsibleCaseworkerId,
        cohortId: input.cohortId,
        flagged: input.flagged,
        search: input.search,
        searchAllNames: !limited,
        sort,
        direction: input.direction ?? 'asc',
        offset: input.offset ?? 0,
        limit: input.limit ?? PARTICIPANT_PAGE_SIZE.default,
      });
      return projectPage(session.role, participants, total);
    },
  },

  'participants.get': {
    kind: 'tx',
    run: (input, { db, session }) => {
      const participant = findListedParticipant(db, input.id);
      if (!participant) throw new AppError('not_found');
      return projectParticipant(session.role, participant);
    },
    audit: (input) => ({ action: 'participants.open', entity: 'participant', entityId: input.id }),
  },

  'participants.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { confirmDuplicate, status, ...fields } = input;
      const record = applyChange({ ...EMPTY_RECORD, status: status ?? 'referred' }, fields);
      assertValidRecord(db, record, null, now);
      if (!confirmDuplicate) {
        const matches = findPossibleDuplicates(db, record);
        if (matches.length > 0) throw new AppError('possible_duplicate', { matches });
      }
      const id = randomBytes(16).toString('hex');
      const at = now.toISOString();
      insertParticipant(db, { id, pseudonym: nextPseudonym(db, now), data: record, createdAt: at, createdBy: session.userId });
      return { participant: stored(db, id) };
    },
    audit: (input, output) => ({
      action: 'participants.create',
      entity: 'participant',
      entityId: output.participant.id,
      ...(input.confirmDuplicate ? { detail: 'duplicate_confirmed' } : {}),
    }),
  },

  'participants.update': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const { id, ...fields } = input;
      const before = dataOf(existing(db, id));
      const after = applyChange(before, fields);
      assertValidRecord(db, after, before, now);
      const changed = changedFields(before, after);
      if (changed.length > 0) writeParticipantData(db, id, after, now.toISOString());
      return { participant: stored(db, id), changed };
    },
    audit: (input, output) =>
      output.changed.length === 0
        ? null
        : { action: 'participants.update', entity: 'participant', entityId: input.id, detail: output.changed.join(',') },
  },

  'participants.setStatus': {
    kind: 'tx',
    run: (input, { db, now }) => {
      const before = existing(db, input.id);
      if (!STATUS_TRANSITIONS[before.status].includes(input.status)) throw new AppError('invalid_transition');
      const reason = input.status === 'discontinued' ? (input.reason ?? null) : before.discontinuedReason;
      writeParticipantData(
        db,
        input.id,
        { ...dataOf(before), status: input.status, discontinuedReason: reason },
        now.toISOString(),
      );
      if (input.status === 'closed') recordClosing(db, input.id, now.toISOString());
      return { participant: stored(db, input.id) };
    },
    // The new status is a workflow code, not personal data; the timeline names it.
    audit: (input) => ({
      action: 'participants.setStatus',
      entity: 'participant',
      entityId: input.id,
      detail: `to:${input.status}`,
    }),
  },

  'participants.deletionPreview': {
    kind: 'tx',
    run: (input, { db }) => {
      const participant = existing(db, input.id);
      return { pseudonym: participant.pseudonym, counts: countParticipantRows(db, input.id) };
    },
  },

  // A core handler: the wipe of old page images (erasure.ts) must run after the deletion has committed.
  'participants.delete': {
    kind: 'core',
    run: (input, { vault, now }) => {
      const open = vault.current;
      if (!open) throw new AppError('locked');
      refuseWhileRestorePending(vault);
      const { db, session } = open;
      eraseParticipants(db, [input.id], { userId: session.userId, now }, () => {
        const participant = existing(db, input.id);
        if (input.confirmPseudonym.toUpperCase() !== participant.pseudonym.toUpperCase())
          throw new AppError('invalid_input', {
            issues: [{ path: 'confirmPseudonym', i18nKey: 'validation.confirmation_mismatch' }],
          });
      });
      return null;
    },
  },

  'participants.caseworkers': { kind: 'tx', run: (_input, { db }) => listCaseworkerOptions(db) },
} satisfies HandlerGroup;
