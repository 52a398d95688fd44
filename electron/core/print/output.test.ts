import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { MARK, printCase, RANGE, type PrintCase } from './testing/case';
import { auditRecords, pdfPages, printSuite } from './testing/suite';

let v: PrintCase;
const { shell, out } = printSuite(printCase, (made) => (v = made));

const request = (sections: string[], extra: Partial<InputOf<'print.pdf'>> = {}): InputOf<'print.pdf'> => ({
  participantId: v.participantId,
  sections,
  pseudonymOnly: false,
  locale: 'en',
  ...extra,
});

/** The printout's records in the audit log. */
const printRecords = () => auditRecords(v, v.participantId, (action) => action.startsWith('print.'));

describe('print.pdf', () => {
  it('saves nothing and records nothing when the save dialog is cancelled', async () => {
    shell.answerSave(null);
    expect(await v.t.ok('print.pdf', request(['basic']))).toEqual({ status: 'cancelled' });
    expect(readdirSync(out)).toEqual([]);
    expect(await printRecords()).toEqual([]);
  });

  it('suggests a file name that tells the kind of document and the day, never whom it is about', async () => {
    shell.answerSave(null);
    await v.t.ok('print.pdf', request(['basic'], { locale: 'fi' }));
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'asiakasyhteenveto-2026-11-28.pdf' });
  });

  it('writes a PDF with the chosen sections only, the mark and page number on every page, and audits it', async () => {
    const file = join(out, 'summary.pdf');
    shell.answerSave(file);
    const answer = await v.t.ok('print.pdf', request(['basic', 'consents', 'notes'], RANGE));
    expect(answer).toEqual({ status: 'saved', fileName: 'summary.pdf' });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    for (const chosen of [MARK.firstName, MARK.phone, MARK.partner, MARK.noteInRange, MARK.flagNote, 'Participant’s signature'])
      expect(text, chosen).toContain(chosen);
    for (const excluded of [MARK.noteOutOfRange, MARK.referralOrganisation, MARK.summary, MARK.privateNote])
      expect(text, excluded).not.toContain(excluded);
    pages.forEach((page, index) => {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).toContain(v.pseudonym);
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
      expect(page).toContain('Printed by Kalle Ohjaaja');
    });
    expect(readdirSync(out)).toEqual(['summary.pdf']);
    const [record] = await printRecords();
    expect(record).toMatchObject({
      action: 'print.pdf',
      entity: 'participant',
      entityId: v.participantId,
      outcome: 'ok',
      detail: 'sections:basic,consents,notes;pseudonymOnly:no;locale:en;dates:2026-11-01..2026-11-30',
    });
    rmSync(file);
  });

  it('refuses a folder it cannot write to, with a reason, and leaves no file or record behind', async () => {
    const locked = mkdtempSync(join(out, 'locked-'));
    chmodSync(locked, 0o500);
    const before = (await printRecords()).length;
    shell.answerSave(join(locked, 'summary.pdf'));
    const answer = await v.t.call('print.pdf', request(['basic']));
    chmodSync(locked, 0o700);
    // Someone running the tests as root can write anywhere; the refusal cannot be shown then.
    if (process.getuid?.() === 0) return;
    expect(answer).toMatchObject({ ok: false, code: 'print_not_writable' });
    expect(readdirSync(locked)).toEqual([]);
    expect((await printRecords()).length).toBe(before);
  });

  it('answers with a sentence, and leaves nothing behind, when the PDF cannot be made', async () => {
    const file = join(out, 'broken.pdf');
    const original = shell.renderPdf;
    shell.renderPdf = () => Promise.reject(new Error('the print window crashed'));
    shell.answerSave(file);
    try {
      expect(await v.t.call('print.pdf', request(['basic']))).toMatchObject({ ok: false, code: 'print_failed' });
    } finally {
      shell.renderPdf = original;
    }
    expect(existsSync(file)).toBe(false);
  });

  it('writes nothing when the vault locked while the dialog was open', async () => {
    const file = join(out, 'late.pdf');
    const answerAfterLock: typeof shell.chooseSavePath = () => {
      v.t.core.lock('idle');
      return Promise.resolve(file);
    };
    const original = shell.chooseSavePath;
    shell.chooseSavePath = answerAfterLock;
    try {
      expect(await v.t.call('print.pdf', request(['basic']))).toMatchObject({ ok: false, code: 'locked' });
    } finally {
      shell.chooseSavePath = original;
    }
    expect(existsSync(file)).toBe(false);
    await v.as('caseworker');
  });
});

describe('print.print', () => {
  it('sends the printable document to the print dialog and audits a completed print only', async () => {
    const before = (await printRecords()).length;
    shell.answerPrint(false);
    expect(await v.t.ok('print.print', request(['flags'], { pseudonymOnly: true, locale: 'sv' }))).toEqual({
      status: 'cancelled',
    });
    expect((await printRecords()).length).toBe(before);
    shell.answerPrint(true);
    expect(await v.t.ok('print.print', request(['flags'], { pseudonymOnly: true, locale: 'sv' }))).toEqual({
      status: 'printed',
    });
    const document = shell.printed.at(-1) ?? '';
    expect(document).toContain('KONFIDENTIELLT');
    expect(document).toContain('counter(pages)');
    expect(document).not.toContain(MARK.firstName);
    const records = await printRecords();
    expect(records).toHaveLength(before + 1);
    expect(records[0]).toMatchObject({ action: 'print.print', detail: 'sections:flags;pseudonymOnly:yes;locale:sv' });
  });
});
