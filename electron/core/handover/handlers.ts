/**
 * Case handover: one participant's file, as the exporter may see it, written to an encrypted `.polkucase` file
 * for a colleague on another laptop, who imports it into their vault. The same file answers a participant's
 * request for access to everything held about them. Decisions:
 *
 * - The file is an SQLCipher 4 database keyed by the exporter's passphrase (`cipher='sqlcipher'`, `legacy=4`,
 *   PBKDF2-SHA512 × 256 000, as the backup format), so it opens in any SQLCipher 4 tool; the key is derived off
 *   the event loop (package-key.ts). It holds the vault's own schema (made by the migrations), the participant's
 *   rows (the schema-driven row graph of participants/row-graph.ts), the groups those rows point at, a
 *   `handover_staff` table (id, display name and role of the staff the rows name; nothing else of theirs) and a
 *   `handover_manifest` (format, schema and app version, time, source vault id, exporter role, participant id and
 *   code, counts per table, SHA-256 of the schema and rows). It is a whole, consistent database (its search
 *   indexes filled by its own triggers); an import copies rows, never index tables, and the importing vault's
 *   triggers index them. Written at a temp name beside the destination ('wx', 0600), flushed, renamed.
 * - What is carried follows the exporter's permissions (content.ts): private psychosocial notes only for
 *   `psychosocial.private`; note drafts and saved views never.
 * - Inspect writes nothing to the vault: it checks a private copy completely (read-package.ts) and holds the
 *   rows in memory behind a token until import, another inspect, or the vault locking.
 * - Import (participants.write) runs in one transaction with its audit record. Every record gets a new id, foreign
 *   keys between the records rewritten to match (insert-case.ts). Staff new to this vault become inactive
 *   accounts with their original id, role and name marked as from another office: what they wrote stays theirs,
 *   and with no key slot nobody can unlock as them. A conflict is a participant here with the same code: keep
 *   both gives the import a new code; replace (also `participants.delete`, the coordinator's) deletes the
 *   participant here first, through the ordinary deletion. A file's private notes are imported whoever imports:
 *   they go into the private compartment, which only psychologists read.
 * - Audit: `handover.export` (with its purpose: handover, or a participant's access request) and `handover.import`
 *   on the participant, with counts per table, the source vault and the conflict choice, never content. No consent is required: handing a file over and answering an access
 *   request are the participant's own matters, decided by staff outside Polku.
 */
import { basename, dirname } from 'node:path';
import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import { HANDOVER_EXTENSION } from '@shared/handover';
import { roleHolds } from '@shared/roles';
import { APP_VERSION } from '@shared/app-version';
import { all } from '../db/sql';
import type { CoreContext, HandlerGroup } from '../handler';
import { removeIfExists } from '../fs/atomic';
import { fileOps } from '../fs/file-ops';
import { findParticipant } from '../participants/repo';
import { readSetting } from '../settings/repo';
import { assertPassphraseAcceptable } from '../vault/passphrase-policy';
import { VAULT_ID } from '../vault/vault-database';
import { caseCounts, collectCase } from './content';
import { unsealedForHandover } from '../psychosocial/private';
import { compartmentKey, sealPlaintextNotes } from '../vault/compartment';
import { asReadError } from './errors';
import { refuseWhileRestorePending, wipeErasedPages } from '../participants/erasure';
import { importCase, newStaffOf, participantWithCode } from './import-case';
import type { StaffMember } from './manifest';
import { dropInspected, holdInspected, inspectedFile } from './pending';
import { readPackage } from './read-package';
import { writePackage } from './write-package';

/** The open vault, as the same user as when the request began (a dialog may have been open across a lock). */
function openAs(ctx: CoreContext, userId?: string) {
  const open = ctx.vault.current;
  if (!open || (userId !== undefined && open.session.userId !== userId)) throw new AppError('locked');
  return open;
}

function withExtension(path: string): string {
  return path.toLowerCase().endsWith(`.${HANDOVER_EXTENSION}`) ? path : `${path}.${HANDOVER_EXTENSION}`;
}

function staffNamed(ctx: CoreContext, ids: readonly string[]): StaffMember[] {
  if (ids.length === 0) return [];
  const { db } = openAs(ctx);
  return all<StaffMember>(db, {
    text: `SELECT id, display_name AS displayName, role FROM users WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
    values: ids,
  });
}

const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${table}:${n}`)
    .join(',');

/** The tables of the psychologists' sealed private notes. */
const PRIVATE_TABLES: ReadonlySet<string> = new Set(['psychosocial_private', 'psychosocial_private_versions']);

export const handoverHandlers = {
  'handover.export': {
    kind: 'core',
    run: async (input, ctx) => {
      const { db, session } = openAs(ctx);
      const participant = findParticipant(db, input.participantId);
      if (!participant) throw new AppError('not_found');
      assertPassphraseAcceptable(input.passphrase);
      await ctx.vault.confirmPassphrase(input.currentPassphrase);
      openAs(ctx, session.userId);
      const purpose = input.purpose ?? 'handover';
      const chosen = await ctx.shell.chooseSavePath({
        purpose,
        defaultName: `polku-${dayOf(ctx.now)}.${HANDOVER_EXTENSION}`,
      });
      if (chosen === null) return { status: 'cancelled' as const };
      const destination = withExtension(chosen);
      const open = openAs(ctx, session.userId);
      const content = collectCase(open.db, participant.id, (permission) => roleHolds(session.role, permission));
      // A psychologist's package carries the private notes as text, under the handover passphrase: the receiving
      // vault seals them under its own psychologists' key. Without the key here, the export is refused.
      for (const rows of content.tables)
        if (PRIVATE_TABLES.has(rows.table)) unsealedForHandover(open.db, rows.columns, rows.rows);
      const counts = await writePackage({
        ops: fileOps(ctx.fileFaults),
        destination,
        passphrase: input.passphrase,
        content,
        staff: staffNamed(ctx, content.staffIds),
        origin: {
          appVersion: APP_VERSION,
          createdAt: ctx.now.toISOString(),
          sourceVaultId: String(readSetting(open.db, VAULT_ID)),
          exporterRole: session.role,
          pseudonym: participant.pseudonym,
        },
        driver: ctx.vault.openOptions,
      });
      try {
        // The file exists only with its audit record: a vault locked meanwhile, or a failed record, removes it.
        openAs(ctx, session.userId);
        ctx.vault.write(
          {
            action: 'handover.export',
            entity: 'participant',
            entityId: participant.id,
            detail: `for:${purpose} ${countsText(counts)}`,
            outcome: 'ok',
          },
          () => undefined,
        );
      } catch (error) {
        removeIfExists(destination);
        throw error;
      }
      return { status: 'saved' as const, fileName: basename(destination), counts };
    },
  },

  'handover.inspect': {
    kind: 'core',
    run: async (input, ctx) => {
      const { session } = openAs(ctx);
      const path = await ctx.shell.chooseOpenPath({ purpose: 'handover' });
      if (path === null) return { status: 'cancelled' as const };
      const pkg = await readPackage(
        path,
        input.passphrase,
        dirname(ctx.vault.databasePath),
        ctx.vault.openOptions,
        fileOps(ctx.fileFaults),
      );
      const { db } = openAs(ctx, session.userId);
      const { manifest } = pkg;
      const conflict = participantWithCode(db, manifest.pseudonym) ?? null;
      return {
        status: 'ready' as const,
        token: holdInspected(ctx.vault, session.userId, db, pkg),
        summary: {
          pseudonym: manifest.pseudonym,
          createdAt: manifest.createdAt,
          appVersion: manifest.appVersion,
          exporterRole: manifest.exporterRole,
          counts: caseCounts(pkg.content),
          newStaff: newStaffOf(db, pkg.staff).length,
        },
        conflict: conflict ? { participantId: conflict.id, pseudonym: conflict.pseudonym } : null,
      };
    },
  },

  'handover.import': {
    kind: 'core',
    run: (input, ctx) => {
      const { db, session } = openAs(ctx);
      const pkg = inspectedFile(ctx.vault, input.token, session.userId, db);
      if (!pkg) throw new AppError('handover_expired');
      const replaced = input.onConflict === 'replace' ? participantWithCode(db, pkg.manifest.pseudonym) : undefined;
      if (replaced && !roleHolds(session.role, 'participants.delete')) {
        // Refused as dispatch refuses a channel the role does not hold: recorded, nothing else written.
        ctx.vault.write(
          {
            action: 'handover.import',
            entity: 'participant',
            entityId: replaced.id,
            detail: 'conflict:replace',
            outcome: 'denied',
          },
          () => undefined,
        );
        throw new AppError('forbidden');
      }
      // Replacing erases the file it replaces: not while a restore could still bring it back.
      if (replaced) refuseWhileRestorePending(ctx.vault);
      const privateRows = pkg.content.tables.filter((rows) => PRIVATE_TABLES.has(rows.table) && rows.rows.length > 0);
      // Notes sealed under another vault's key could never be opened here: such a file was not made by Polku.
      if (privateRows.some((rows) => rows.rows.some((row) => row[rows.columns.indexOf('sealed')] != null)))
        throw new AppError('handover_damaged');
      // The private notes are sealed under this vault's psychologists' key: at once when the importer holds it, else
      // (the roles that import, caseworkers and coordinators, never do) at the next unlock of a psychologist who
      // does, as notes left in the clear by an earlier build. Whoever imports knows the file's passphrase and could
      // read them in the file anyway. Nothing is left out.
      const key = compartmentKey(db);
      let result;
      try {
        result = db.transaction(() => {
          const imported = importCase(db, pkg, {
            userId: session.userId,
            now: ctx.now,
            locale: ctx.locale(),
            onConflict: input.onConflict,
          });
          if (key) sealPlaintextNotes(db, key);
          return imported;
        })();
      } catch (error) {
        throw asReadError(error);
      }
      dropInspected(ctx.vault);
      if (replaced) wipeErasedPages(db);
      return result;
    },
  },
} satisfies HandlerGroup;
