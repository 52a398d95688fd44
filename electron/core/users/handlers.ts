import { randomBytes } from 'node:crypto';
import type { UserSummary } from '@shared/users';
import { dropCompartmentWrap, holdsPrivate } from '../vault/compartment';
import { AppError } from '@shared/errors';
import type { HandlerGroup } from '../handler';
import { generateOneTimePassphrase } from '../vault/recovery';
import type { Vault } from '../vault/vault';
import { ACKNOWLEDGE_ACTION, acknowledgedDetail, pendingAccessNotices } from './access-notices';
import { activeCoordinatorCount, findUser, insertUser, listUsers, nameTakenBy, updateUser, type User } from './repo';

function openVault(vault: Vault) {
  const open = vault.current;
  if (!open) throw new AppError('locked');
  return open;
}

function existing(vault: Vault, id: string): User {
  const user = findUser(openVault(vault).db, id);
  if (!user) throw new AppError('not_found');
  return user;
}

const summary = (user: User): UserSummary => ({ ...user });

/** A role change asks for the coordinator's own passphrase again; left out, it is a required field. */
const REAUTH_REQUIRED = { path: 'currentPassphrase', i18nKey: 'validation.required' };

/**
 * Staff accounts. Each change and its audit record commit together; the key-slot file follows only after the
 * database change is committed, so a failure leaves at worst an account without a slot (fixed by issuing a
 * passphrase again), never a slot without an account.
 */
export const userHandlers = {
  'users.list': { kind: 'tx', run: (_input, { db }) => listUsers(db).map(summary) },

  'users.create': {
    kind: 'core',
    run: async ({ currentPassphrase, ...input }, { vault, now }) => {
      await vault.confirmPassphrase(currentPassphrase);
      if (nameTakenBy(openVault(vault).db, input.displayName, null)) throw new AppError('name_taken');
      const id = randomBytes(16).toString('hex');
      const oneTimePassphrase = generateOneTimePassphrase();
      const storeSlot = await vault.preparePassphraseSlot(id, input.displayName, oneTimePassphrase);
      const user: User = { id, ...input, active: true, mustChangePassphrase: true, createdAt: now.toISOString() };
      // The role in the detail is what tells the psychologists of a new colleague (access-notices.ts).
      vault.write({ action: 'users.create', entity: 'user', entityId: id, outcome: 'ok', detail: input.role }, (db) => {
        if (nameTakenBy(db, input.displayName, null)) throw new AppError('name_taken');
        insertUser(db, user);
      });
      storeSlot();
      return { user: summary(user), oneTimePassphrase };
    },
  },

  'users.update': {
    kind: 'core',
    run: async (input, { vault }) => {
      const open = openVault(vault);
      const before = existing(vault, input.id);
      const { id, currentPassphrase, ...change } = input;
      if (change.role !== undefined && change.role !== before.role) {
        // Nobody changes their own role: a coordinator could otherwise make themself a psychologist. Another
        // coordinator does it (and the vault always keeps one, see last_coordinator).
        if (id === open.session.userId) throw new AppError('own_account');
        if (currentPassphrase === undefined) throw new AppError('invalid_input', { issues: [REAUTH_REQUIRED] });
        await vault.confirmPassphrase(currentPassphrase);
        if (vault.current?.db !== open.db) throw new AppError('locked');
      }
      // A changed role is named in the detail (`…;to:<role>`): the psychologists are told of a new one from it.
      const fields = Object.keys(change).join(',');
      const roleChanged = change.role !== undefined && change.role !== before.role;
      const detail = roleChanged ? `${fields};to:${change.role}` : fields;
      const after = vault.write({ action: 'users.update', entity: 'user', entityId: id, outcome: 'ok', detail }, (db) => {
        if (change.displayName !== undefined && nameTakenBy(db, change.displayName, id)) throw new AppError('name_taken');
        const demotes = before.role === 'coordinator' && change.role !== undefined && change.role !== 'coordinator';
        if (demotes && before.active && activeCoordinatorCount(db) <= 1) throw new AppError('last_coordinator');
        // No longer a psychologist: their key to the sealed private notes goes (only a psychologist gives it back).
        if (change.role !== undefined && !holdsPrivate(change.role)) dropCompartmentWrap(db, id);
        return updateUser(db, id, change);
      });
      if (after.displayName !== before.displayName) vault.retagPassphraseSlots(id, after.displayName);
      if (id === open.session.userId) vault.refreshSession({ displayName: after.displayName, role: after.role });
      return summary(after);
    },
  },

  'users.deactivate': {
    kind: 'core',
    run: (input, { vault }) => {
      const open = openVault(vault);
      if (input.id === open.session.userId) throw new AppError('own_account');
      const before = existing(vault, input.id);
      const after = vault.write({ action: 'users.deactivate', entity: 'user', entityId: input.id, outcome: 'ok' }, (db) => {
        if (before.role === 'coordinator' && before.active && activeCoordinatorCount(db) <= 1)
          throw new AppError('last_coordinator');
        dropCompartmentWrap(db, input.id);
        return updateUser(db, input.id, { active: false });
      });
      vault.removeSlotsOf(input.id);
      return summary(after);
    },
  },

  'users.issuePassphrase': {
    kind: 'core',
    run: async (input, { vault }) => {
      const open = openVault(vault);
      if (input.id === open.session.userId) throw new AppError('own_account');
      await vault.confirmPassphrase(input.currentPassphrase);
      const before = existing(vault, input.id);
      const oneTimePassphrase = generateOneTimePassphrase();
      const storeSlot = await vault.preparePassphraseSlot(input.id, before.displayName, oneTimePassphrase);
      // The account's role in the detail: a psychologist's new passphrase is told to the other psychologists.
      const after = vault.write(
        { action: 'users.issuePassphrase', entity: 'user', entityId: input.id, outcome: 'ok', detail: before.role },
        (db) => {
          // The psychologist's key to the sealed notes was wrapped under the passphrase this replaces: a coordinator
          // cannot wrap it again, a psychologist colleague (or the psychologists' recovery code) gives it back.
          dropCompartmentWrap(db, input.id);
          return updateUser(db, input.id, { active: true, mustChangePassphrase: true });
        },
      );
      storeSlot();
      return { user: summary(after), oneTimePassphrase };
    },
  },

  'users.accessNotices': { kind: 'tx', run: (_input, { db, session }) => pendingAccessNotices(db, session.userId) },

  'users.acknowledgeAccessNotices': {
    kind: 'tx',
    run: ({ upTo }, { db, session }) => {
      // Only notices shown can be acknowledged: a number past them would silence notices still to come.
      const covered = pendingAccessNotices(db, session.userId).filter((notice) => notice.id <= upTo);
      return { acknowledged: covered.length, upTo: covered.at(-1)?.id ?? null };
    },
    // Recorded as the psychologist's own act: the other psychologists' notices stay until they acknowledge.
    audit: (_input, { upTo }) => (upTo === null ? null : { action: ACKNOWLEDGE_ACTION, detail: acknowledgedDetail(upTo) }),
  },
} satisfies HandlerGroup;
