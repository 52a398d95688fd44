import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { fitsLimitedView, hasLimitedRegistry, SAVED_VIEWS_MAX, type RegistryViewState } from '@shared/views';
import type { SessionInfo } from '@shared/vault';
import type { HandlerGroup } from '../handler';
import { countViews, deleteView, findView, findViewByName, listViews, readLastState, upsertView, writeLastState } from './repo';

/** A reader of the limited view keeps only views of what that view shows: a view cannot widen what they see. */
function assertAllowedState(session: SessionInfo, state: RegistryViewState): void {
  if (hasLimitedRegistry(session.role) && !fitsLimitedView(state))
    throw new AppError('invalid_input', { issues: [{ path: 'state', i18nKey: 'validation.invalid_value' }] });
}

/**
 * Saved views, each user's own: every query is scoped to the session's user, and another user's view answers
 * as if it did not exist. Not audited: a view is a user's display preference, holds no participant data (the
 * quick search is never stored) and changes nothing anyone else sees. The last-used state is written often.
 */
export const viewHandlers = {
  'views.list': {
    kind: 'tx',
    run: (input, { db, session }) => ({
      views: listViews(db, session.userId, input.screen),
      last: readLastState(db, session.userId, input.screen),
    }),
  },

  'views.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      assertAllowedState(session, input.state);
      const replacing = findViewByName(db, session.userId, input.screen, input.name);
      if (!replacing && countViews(db, session.userId, input.screen) >= SAVED_VIEWS_MAX)
        throw new AppError('invalid_input', {
          issues: [{ path: 'name', i18nKey: 'registry.views.tooMany', values: { max: SAVED_VIEWS_MAX } }],
        });
      const id = replacing ?? randomBytes(16).toString('hex');
      upsertView(db, {
        id,
        userId: session.userId,
        screen: input.screen,
        name: input.name,
        state: input.state,
        at: now.toISOString(),
      });
      const saved = findView(db, session.userId, id);
      if (!saved) throw new Error('saved view vanished');
      return saved;
    },
  },

  'views.delete': {
    kind: 'tx',
    run: (input, { db, session }) => {
      if (!deleteView(db, session.userId, input.id)) throw new AppError('not_found');
      return null;
    },
  },

  'views.saveLast': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      assertAllowedState(session, input.state);
      writeLastState(db, session.userId, input.screen, input.state, now.toISOString());
      return null;
    },
  },
} satisfies HandlerGroup;
