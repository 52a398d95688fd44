/**
 * How a printable document leaves the app, whatever it is (case summary, week schedule): saved as a PDF where the
 * user chooses, or sent to the system print dialog. Another file saved where the user chooses (a report's CSV)
 * leaves through the same `saveFile`. The document is built from the open vault; a vault that locks
 * while a dialog is open gets nothing written or audited. Every PDF saved and every print the dialog completes is
 * audited by the caller's `audit`; a cancelled one leaves nothing.
 */
import { basename } from 'node:path';
import { AppError, type ErrorCode } from '@shared/errors';
import type { SessionInfo } from '@shared/vault';
import type { CoreContext } from '../handler';
import type { Db } from '../db/open';
import { removeIfExists } from '../fs/atomic';
import { fileOps } from '../fs/file-ops';
import { logEvent } from '../log';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR']);

/** A failed write of a PDF as a sentence a caseworker can act on; the path and the message stay out of it. */
export function writeFailure(error: unknown): AppError {
  return failedWrite(error, { diskFull: 'print_disk_full', notWritable: 'print_not_writable', other: 'print_failed' });
}

/** A failed write as one of three codes, by its errno: the disk full, a place that cannot be written, or else. */
export function failedWrite(error: unknown, codes: { diskFull: ErrorCode; notWritable: ErrorCode; other: ErrorCode }): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DISK_FULL.has(code)) return new AppError(codes.diskFull);
  if (typeof code === 'string' && NOT_WRITABLE.has(code)) return new AppError(codes.notWritable);
  return new AppError(codes.other);
}

/** A failure of the print window or dialog: logged by its class, answered as a sentence. */
export function printFailure(channel: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  logEvent('internal-error', { channel, error });
  return new AppError('print_failed');
}

/** A document built for printing, and the check that the vault it came from is still the open one. */
export interface Printable {
  html: string;
  stillOpen(): void;
}

/** The document for printing, built in one read transaction from the open vault, with that vault. */
export function printable({ vault }: CoreContext, build: (db: Db, session: SessionInfo) => string): Printable {
  const open = vault.current;
  if (!open) throw new AppError('locked');
  const html = open.db.transaction(() => build(open.db, open.session))();
  /** The vault may lock while a dialog is open; nothing is written or audited for a vault that is gone. */
  const stillOpen = () => {
    if (vault.current?.db !== open.db) throw new AppError('locked');
  };
  return { html, stillOpen };
}

export interface Delivery {
  /** The channel, for the log of an unexpected failure. */
  channel: string;
  /** Writes the audit record of the document that left the app. */
  audit(): void;
}

/** Asks where to save, renders and writes the PDF, then audits it; no PDF stays without its audit record. */
export async function savePdf(
  context: CoreContext,
  document: Printable,
  delivery: Delivery & { defaultName: string },
): Promise<{ status: 'cancelled' } | { status: 'saved'; fileName: string }> {
  return saveFile(
    context,
    {
      stillOpen: document.stillOpen,
      bytes: async () => {
        try {
          return await context.shell.renderPdf(document.html);
        } catch (error) {
          throw printFailure(delivery.channel, error);
        }
      },
    },
    { ...delivery, purpose: 'print', writeFailure },
  );
}

/** What the save dialog is for (its file type): the shell's own purposes. */
type SavePurpose = Parameters<CoreContext['shell']['chooseSavePath']>[0]['purpose'];

/** A file to save made from the open vault: its bytes, and the check that the vault is still the open one. */
export interface SavedContent {
  stillOpen(): void;
  bytes(): Promise<Buffer>;
}

/**
 * Asks where to save (`purpose` picks the dialog's file type), makes the bytes, writes them whole or not at all
 * (temp, flush, rename, through the one file-ops seam) readable by the owner only, then audits; no file stays
 * without its audit record. A cancelled dialog leaves nothing; a failed write answers with `writeFailure`'s code.
 */
export async function saveFile(
  context: CoreContext,
  content: SavedContent,
  delivery: Delivery & { purpose: SavePurpose; defaultName: string; writeFailure: (error: unknown) => AppError },
): Promise<{ status: 'cancelled' } | { status: 'saved'; fileName: string }> {
  const path = await context.shell.chooseSavePath({ purpose: delivery.purpose, defaultName: delivery.defaultName });
  if (path === null) return { status: 'cancelled' };
  content.stillOpen();
  const bytes = await content.bytes();
  content.stillOpen();
  try {
    fileOps(context.fileFaults).writeAtomic(path, bytes, 0o600);
  } catch (error) {
    throw delivery.writeFailure(error);
  }
  try {
    delivery.audit();
  } catch (error) {
    removeIfExists(path);
    throw error;
  }
  return { status: 'saved', fileName: basename(path) };
}

/** Shows the system print dialog and audits a completed print. */
export async function sendToPrinter(
  context: CoreContext,
  document: Printable,
  delivery: Delivery,
): Promise<{ status: 'cancelled' } | { status: 'printed' }> {
  let printed: boolean;
  try {
    printed = await context.shell.printHtml(document.html);
  } catch (error) {
    throw printFailure(delivery.channel, error);
  }
  if (!printed) return { status: 'cancelled' };
  // Paper may already be coming out. A vault that locked under the dialog cannot record it: the answer is then
  // `locked`, never that all went well.
  document.stillOpen();
  delivery.audit();
  return { status: 'printed' };
}
