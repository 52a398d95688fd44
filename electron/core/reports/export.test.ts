/**
 * The funder report's exports through the real dispatch, a real encrypted vault and Chromium's PDF: what the files
 * hold (PDF text, CSV read back), what the audit log says, that nothing of a person leaks into the report, its PDF
 * or its CSV, and that a failed write leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/api';
import { PROGRAMME_MARK, plantProgramme } from '../../../tests/support/programme';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { plantedFile } from '../../../tests/support/planted-file';
import { parseCsv } from '../../../tests/support/csv';
import type { FileFault } from '../fs/file-ops';
import { printText } from '../print/labels';
import { pdfPages, printSuite } from '../print/testing/suite';
import type { ShellPort } from '../shell/port';
import { csvCell } from './csv';

/** One marker a participant, planted in every free-text field and name of their file. */
const MARKS = ['Qzrepalpha', 'Qzrepbravo', 'Qzrepcharl', 'Qzrepdelta', 'Qzrepecho', 'Qzrepfoxt', 'Qzrepgolf'];
const GENDERS = ['female', 'female', 'female', 'male', 'male', 'other', 'female'] as const;
/** The last participant gave no consent to the funder's statistics. */
const WITHOUT_CONSENT = 6;
const YEAR = { from: '2026-01-01', to: '2026-12-31' } as const;

interface ReportVault extends StaffedVault {
  cohortId: string;
  participantIds: string[];
  /** Everything that would point at a person: markers, pseudonyms, names, contact details, the year of birth. */
  needles: string[];
}

const faults: FileFault[] = [];

async function reportVault(shell: ShellPort): Promise<ReportVault> {
  const v = await staffedVault({ shell, fileFaults: faults });
  const planted = [];
  for (const mark of MARKS) planted.push(await plantedFile(v, mark));
  await v.as('caseworker');
  for (const [i, participant] of planted.entries()) {
    await v.t.ok('participants.update', { id: participant.id, gender: GENDERS[i]! });
    if (i !== WITHOUT_CONSENT)
      await v.t.ok('consents.record', {
        participantId: participant.id,
        purpose: 'funder_statistics',
        givenOn: '2026-11-01',
        method: 'signed',
      });
  }
  // All in one group since 1.11.2026; three left on 20.11. as completed, with their situation at exit.
  const { cohortId } = await plantProgramme(
    v.t,
    v.caseworkerId,
    planted.map((p, i) => ({
      participantId: p.id,
      marks: ['present', i % 2 === 0 ? 'present' : 'absent', 'late', 'excused'] as const,
      ...(i < 3 ? { endDate: '2026-11-20' } : {}),
    })),
  );
  await v.as('coordinator');
  for (const p of planted.slice(0, 3))
    await v.t.ok('participation.recordExit', {
      participantId: p.id,
      checkedOn: '2026-11-20',
      jobSearching: p !== planted[0],
      inEducation: false,
      qualification: false,
      employed: p === planted[0],
    });
  const needles = [
    ...MARKS,
    ...planted.map((p) => p.pseudonym),
    ...Object.values(PROGRAMME_MARK).filter((mark) => mark !== PROGRAMME_MARK.cohort),
    String(LEILA.birthYear),
    LEILA.phone,
    LEILA.email,
    'Haddad',
    'Kalle Ohjaaja',
    'Sara Psykologi',
  ];
  return { ...v, cohortId, participantIds: planted.map((p) => p.id), needles };
}

let v: ReportVault;
const { shell, out } = printSuite(reportVault, (made) => (v = made));

beforeEach(async () => {
  faults.length = 0;
  await v.as('coordinator');
});

const request = (extra: Partial<InputOf<'reports.funder'>> = {}): InputOf<'reports.funder'> => ({
  ...YEAR,
  locale: 'fi',
  ...extra,
});

/** What of `needles` a text holds, case ignored. */
function leaked(text: string, needles: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return needles.filter((needle) => lower.includes(needle.toLowerCase()));
}

async function exportRecords() {
  const { entries } = await v.t.ok('audit.list', { limit: 500 });
  return entries.filter((entry) => entry.action.startsWith('reports.export'));
}

/** Saves the PDF of `input` into a new folder; its text, page by page. */
async function savedPdf(input: InputOf<'reports.funder'>, name = 'report.pdf') {
  const file = join(mkdtempSync(join(out, 'pdf-')), name);
  shell.answerSave(file);
  expect(await v.t.ok('reports.exportFunderPdf', input)).toEqual({ status: 'saved', fileName: name });
  return { file, pages: pdfPages(file) };
}

async function savedCsv(input: InputOf<'reports.funder'>) {
  const file = join(mkdtempSync(join(out, 'csv-')), 'report.csv');
  shell.answerSave(file);
  expect(await v.t.ok('reports.exportFunderCsv', input)).toEqual({ status: 'saved', fileName: 'report.csv' });
  return { file, bytes: readFileSync(file) };
}

describe('the funder report as a PDF', () => {
  it('suggests a file name of the kind of report and its year, never a group, and saves nothing when cancelled', async () => {
    const before = (await exportRecords()).length;
    shell.answerSave(null);
    expect(await v.t.ok('reports.exportFunderPdf', request({ cohortId: v.cohortId }))).toEqual({ status: 'cancelled' });
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'rahoittajaraportti-2026.pdf' });
    shell.answerSave(null);
    await v.t.ok('reports.exportFunderCsv', request({ from: '2026-07-01', locale: 'sv' }));
    expect(shell.saveRequests.at(-1)).toEqual({
      purpose: 'csv',
      defaultName: 'finansiarsrapport-2026-07-01-2026-12-31.csv',
    });
    expect((await exportRecords()).length).toBe(before);
  });

  it('holds the set, the period, every table row with its marks, the other figures and the rule, in Finnish', async () => {
    const report = await v.t.ok('reports.funder', request());
    const { file, pages } = await savedPdf(request());
    const text = pages.join('\n');
    expect(text).toContain(report.set.name);
    expect(text).toContain('Versio: Asetus (EU) 2021/1057, liite I');
    expect(text).toContain('Raportointikausi 1.1.2026–31.12.2026');
    expect(text).toContain('Kaikki ryhmät');
    expect(text).toContain('Ohjelmassa kauden aikana');
    expect(text).toContain('EECO02');
    expect(text).toContain('alle 5');
    expect(text).toContain('Ei laskettu mukaan');
    expect(text).toContain('Läsnäoloaste');
    expect(text).toContain('Pienten lukujen suojaus');
    expect(text).toContain('Luvut 1–4 näytetään muodossa ”alle 5”');
    expect(text).not.toContain('LUOTTAMUKSELLINEN');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // A page to look at.
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, '/tmp/reportexport-funder-fi']);
    expect(existsSync('/tmp/reportexport-funder-fi-1.png')).toBe(true);
  });

  it('speaks Swedish and English when asked, the rule too', async () => {
    const sv = (await savedPdf(request({ locale: 'sv' }))).pages.join('\n');
    expect(sv).toContain('Rapporteringsperiod 1.1.2026–31.12.2026');
    expect(sv).toContain('Skydd av små tal');
    expect(sv).toContain('under 5');
    const en = (await savedPdf(request({ locale: 'en' }))).pages.join('\n');
    expect(en).toContain('Protection of small counts');
    expect(en).toContain('All groups');
  });

  it('names the group when one is chosen', async () => {
    const text = (await savedPdf(request({ cohortId: v.cohortId }))).pages.join('\n');
    expect(text).toContain(`Ryhmä: ${PROGRAMME_MARK.cohort}`);
  });
});

describe('the funder report as CSV', () => {
  it('holds the report’s rows, read back, with the marks the screen shows, in UTF-8 with BOM and CRLF', async () => {
    const report = await v.t.ok('reports.funder', request());
    const { file, bytes } = await savedCsv(request());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [head, ...rows] = parseCsv(text);
    expect(head).toEqual(['Taulukko', 'Koodi', 'Indikaattori', 'Naiset', 'Miehet', 'Muu tai ei kerrottu', 'Yhteensä']);
    const fi = printText('fi');
    const expected = report.tables.flatMap((table) =>
      table.rows.map((row) => [
        'text' in table.title ? table.title.text : fi.t(table.title.key),
        row.code ?? '',
        'text' in row.label ? row.label.text : fi.t(row.label.key),
        ...row.cells.map(csvCell),
      ]),
    );
    expect(rows.slice(0, expected.length)).toEqual(expected);
    expect(rows.slice(expected.length).map((r) => [r[2], r[6]])).toEqual([
      ['Ei laskettu mukaan (ei suostumusta rahoittajan tilastointiin)', csvCell(report.notCounted)],
      ['Läsnäoloaste (%)', report.attendanceRate === null ? '' : String(report.attendanceRate)],
    ]);
    expect(rows.flat()).toContain('<5');
    // Nothing but counts and marks in the figures' columns.
    for (const row of rows) for (const cell of row.slice(3)) expect(cell).toMatch(/^(\d+|<5|\.\.|)$/);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('the exports in the audit log', () => {
  it('name the report, set, period, group, format and language, never a figure', async () => {
    await savedPdf(request({ locale: 'sv' }));
    await savedCsv(request({ cohortId: v.cohortId, from: '2026-07-01' }));
    const [csv, pdf] = await exportRecords();
    const report = await v.t.ok('reports.funder', request());
    const set = report.set.id;
    expect(pdf).toMatchObject({
      action: 'reports.exportFunderPdf',
      entity: null,
      entityId: null,
      outcome: 'ok',
      detail: `report:funder;set:${set};period:2026-01-01..2026-12-31;cohort:all;format:pdf;locale:sv`,
    });
    expect(csv).toMatchObject({
      action: 'reports.exportFunderCsv',
      entity: 'cohort',
      entityId: v.cohortId,
      outcome: 'ok',
      detail: `report:funder;set:${set};period:2026-07-01..2026-12-31;cohort:${v.cohortId};format:csv;locale:fi`,
    });
  });

  it('are the coordinator’s: a caseworker is refused and nothing is asked or written', async () => {
    await v.as('caseworker');
    const asked = shell.saveRequests.length;
    expect(await v.t.call('reports.exportFunderCsv', request())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await v.t.call('reports.exportFunderPdf', request())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(shell.saveRequests.length).toBe(asked);
  });
});

describe('no report of the funder’s singles anyone out', () => {
  it('holds no marker, pseudonym, name, contact detail or year of birth: the view, the PDF and the CSV', async () => {
    const outputs: [string, string][] = [];
    for (const locale of ['fi', 'sv', 'en'] as const) {
      const report: OutputOf<'reports.funder'> = await v.t.ok('reports.funder', request({ locale }));
      outputs.push([`view ${locale}`, JSON.stringify(report)]);
    }
    outputs.push(['pdf', (await savedPdf(request())).pages.join('\n')]);
    outputs.push(['csv', (await savedCsv(request())).bytes.toString('utf8')]);
    // With the group chosen the group's name is printed; nothing of a person is.
    outputs.push(['group view', JSON.stringify(await v.t.ok('reports.funder', request({ cohortId: v.cohortId })))]);
    outputs.push(['group pdf', (await savedPdf(request({ cohortId: v.cohortId }))).pages.join('\n')]);
    outputs.push(['group csv', (await savedCsv(request({ cohortId: v.cohortId }))).bytes.toString('utf8')]);
    for (const [what, text] of outputs) {
      expect(text.length, what).toBeGreaterThan(100);
      expect(leaked(text, v.needles), what).toEqual([]);
    }
    // The search finds what is there: a participant's file holds the planted words.
    const file = await v.t.ok('participants.get', { id: v.participantIds[0]! });
    expect(leaked(JSON.stringify(file), v.needles)).toEqual(expect.arrayContaining([MARKS[0], String(LEILA.birthYear)]));
  });
});

describe('a CSV that cannot be saved', () => {
  const cases: [FileFault, string][] = [
    [{ op: 'create', code: 'EACCES' }, 'export_not_writable'],
    [{ op: 'write', code: 'ENOSPC' }, 'export_disk_full'],
    [{ op: 'fsync', code: 'EIO' }, 'export_failed'],
    [{ op: 'rename', code: 'EROFS' }, 'export_not_writable'],
  ];
  for (const [fault, code] of cases) {
    it(`${fault.op} failing with ${fault.code}: ${code}, no file or temp left, nothing audited`, async () => {
      const before = (await exportRecords()).length;
      const folder = mkdtempSync(join(out, `csv-${fault.op}-`));
      shell.answerSave(join(folder, 'report.csv'));
      faults.push({ ...fault, pathIncludes: folder });
      expect(await v.t.call('reports.exportFunderCsv', request())).toMatchObject({ ok: false, code });
      expect(readdirSync(folder)).toEqual([]);
      faults.length = 0;
      expect((await exportRecords()).length).toBe(before);
    });
  }
});

describe('the programme report saved', () => {
  it('as a PDF and as CSV, one line a figure, audited without a figure, with nothing of anyone in either', async () => {
    const pdfFile = join(mkdtempSync(join(out, 'programme-pdf-')), 'ohjelma.pdf');
    shell.answerSave(pdfFile);
    expect(await v.t.ok('reports.exportProgrammePdf', request())).toEqual({ status: 'saved', fileName: 'ohjelma.pdf' });
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'ohjelmaraportti-2026.pdf' });
    const pdf = pdfPages(pdfFile).join('\n');
    for (const words of [
      'Ohjelmaraportti',
      'Raportointikausi 1.1.2026–31.12.2026',
      'Osallistujat',
      'Pidetyt tapaamiset aiheittain',
    ])
      expect(pdf).toContain(words);
    // Seven in one group, so the group's counts are shown; three completed, fewer than five: "alle 5".
    expect(pdf).toContain('alle 5');

    const csvFile = join(mkdtempSync(join(out, 'programme-csv-')), 'ohjelma.csv');
    shell.answerSave(csvFile);
    expect(await v.t.ok('reports.exportProgrammeCsv', request())).toEqual({ status: 'saved', fileName: 'ohjelma.csv' });
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Ryhmä', 'Taulukko', 'Tieto', 'Sarake', 'Luku']);
    const enrolled = rows.find((row) => row[1] === 'Osallistujat' && row[2] === 'Ryhmässä kauden aikana');
    expect(enrolled?.[4]).toBe('7');
    expect(rows.find((row) => row[2] === 'Suorittanut')?.[4]).toBe('<5');

    for (const [what, text] of [
      ['PDF', pdf],
      ['CSV', csv],
    ] as const)
      expect(leaked(text, v.needles), what).toEqual([]);
    const records = (await exportRecords()).filter((entry) => entry.action.startsWith('reports.exportProgramme'));
    expect(records.map((entry) => [entry.action, entry.detail])).toEqual([
      ['reports.exportProgrammeCsv', 'report:programme;period:2026-01-01..2026-12-31;cohort:all;format:csv;locale:fi'],
      ['reports.exportProgrammePdf', 'report:programme;period:2026-01-01..2026-12-31;cohort:all;format:pdf;locale:fi'],
    ]);
  });

  it('is the caseworker’s for her own groups, and refused for another’s', async () => {
    await v.as('caseworker');
    const file = join(mkdtempSync(join(out, 'programme-own-')), 'oma.csv');
    shell.answerSave(file);
    expect(await v.t.ok('reports.exportProgrammeCsv', request({ cohortId: v.cohortId }))).toEqual({
      status: 'saved',
      fileName: 'oma.csv',
    });
    await v.as('psychologist');
    expect(await v.t.call('reports.exportProgrammeCsv', request())).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
