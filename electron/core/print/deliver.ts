/**
 * How a printable document leaves the app, whatever it is (case summary, week schedule): saved as a PDF where the
 * user chooses, or sent to the system print dialog. The document is built from the open vault; a vault that locks
 * while a dialog is open gets nothing written or audited. Every PDF saved and every print the dialog completes is
 * audited by the caller's `audit`; a cancelled one leaves nothing.
 */
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import type { SessionInfo } from '@shared/vault';
import type { CoreContext } from '../handler';
import type { Db } from '../db/open';
import { removeIfExists } from '../fs/atomic';
import { fileOps } from '../fs/file-ops';
import { logEvent } from '../log';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR']);

/** A failed write as a sentence a caseworker can act on; the path and the message stay out of it. */
export function writeFailure(error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && DISK_FULL.has(code)) return new AppError('print_disk_full');
  if (typeof code === 'string' && NOT_WRITABLE.has(code)) return new AppError('print_not_writable');
  return new AppError('print_failed');
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
  const path = await context.shell.chooseSavePath({ purpose: 'print', defaultName: delivery.defaultName });
  if (path === null) return { status: 'cancelled' };
  document.stillOpen();
  let pdf: Buffer;
  try {
    pdf = await context.shell.renderPdf(document.html);
  } catch (error) {
    throw printFailure(delivery.channel, error);
  }
  document.stillOpen();
  try {
    fileOps(context.fileFaults).writeAtomic(path, pdf, 0o600);
  } catch (error) {
    throw writeFailure(error);
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
