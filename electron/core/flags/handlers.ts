import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { SafetyFlag } from '@shared/flags';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findParticipant } from '../participants/repo';
import { findFlag, insertFlag, listFlags, markCleared } from './repo';

function assertParticipant(db: Db, participantId: string): void {
  if (!findParticipant(db, participantId)) throw new AppError('not_found');
}

function stored(flag: SafetyFlag | undefined): SafetyFlag {
  if (!flag) throw new Error('flag vanished');
  return flag;
}

/**
 * Safety flags. A flag is never deleted by hand: clearing keeps it, with who and when, as history. Every
 * change is audited as `flag:<id>` under the participant, without the kind or the note.
 */
export const flagHandlers = {
  'flags.list': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      return listFlags(db, input.participantId, input.includeCleared ?? false);
    },
  },

  'flags.set': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      assertParticipant(db, input.participantId);
      const id = randomBytes(16).toString('hex');
      const note = input.note ?? null;
      insertFlag(db, {
        id,
        participantId: input.participantId,
        kind: input.kind,
        note,
        setBy: session.userId,
        setAt: now.toISOString(),
      });
      return { flag: stored(findFlag(db, id)) };
    },
    audit: (input, output) => ({
      action: 'flags.set',
      entity: 'participant',
      entityId: input.participantId,
      detail: `flag:${output.flag.id}`,
    }),
  },

  'flags.clear': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const flag = findFlag(db, input.id);
      if (!flag) throw new AppError('not_found');
      if (flag.clearedAt !== null)
        throw new AppError('invalid_input', { issues: [{ path: 'id', i18nKey: 'flags.problems.alreadyCleared' }] });
      markCleared(db, flag.id, session.userId, now.toISOString());
      return { flag: stored(findFlag(db, flag.id)) };
    },
    audit: (_input, output) => ({
      action: 'flags.clear',
      entity: 'participant',
      entityId: output.flag.participantId,
      detail: `flag:${output.flag.id}`,
    }),
  },
} satisfies HandlerGroup;
