import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment, Instrument } from '@shared/assessments';
import { bundles, lookup } from '@shared/i18n/bundles';
import { addConsentingParticipant } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { addVersion2, assessmentVault, REFERRED, TODAY, type AssessmentVault } from './testing/vault';

const vaults: AssessmentVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<AssessmentVault> {
  const v = await assessmentVault();
  vaults.push(v);
  return v;
}

async function rawDb(v: AssessmentVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return db;
}

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The refusal's sentences by field, in Finnish, as the form shows them under each field. */
async function refusal(v: AssessmentVault, input: Parameters<AssessmentVault['request']>[0]): Promise<Record<string, string>> {
  const result = await v.t.call('assessments.save', v.request(input));
  expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
  const issues = result.ok ? [] : (result.details?.issues ?? []);
  return Object.fromEntries(
    issues.map((issue) => {
      const sentence = lookup(bundles.fi, issue.i18nKey);
      expect(sentence, issue.i18nKey).toBeDefined();
      return [
        issue.path,
        Object.entries(issue.values ?? {}).reduce((s, [k, val]) => s.replace(`{{${k}}}`, String(val)), sentence!),
      ];
    }),
  );
}

const BEFORE_START =
  'Arvioinnin päivä ei voi olla ennen kuin osallistuja tuli mukaan ohjelmaan (lähetepäivä, ryhmän alku tai päivä, jona tiedot kirjattiin).';

/** The Finnish wording of an item in an instrument. */
const wordingOf = (instrument: Instrument, itemId: string) => instrument.items.find((i) => i.id === itemId)?.wording.fi;

describe('an assessment', () => {
  it('is saved whole and listed with its answers in the order of its version’s items, each rater apart', async () => {
    const v = await vault();
    const { assessment } = await v.t.ok('assessments.save', v.request());
    expect(assessment).toMatchObject({
      participantId: v.participantId,
      stage: 'intake',
      date: '2026-10-05',
      version: 1,
      createdBy: v.caseworkerId,
      createdByName: 'Kalle Ohjaaja',
      updatedByName: 'Kalle Ohjaaja',
    });
    expect(assessment.answers.map((a) => [a.itemId, a.rater, a.score ?? a.text])).toEqual([
      ['finnish.speaking', 'caseworker', 2],
      ['digital.email', 'caseworker', 1],
      ['rights.contract', 'caseworker', 0],
      ['selfConfidence.sameRights', 'participant', 2],
      ['selfConfidence.sameRights', 'caseworker', 3],
      ['history.wishes', 'caseworker', 'Haluaisi töihin keittiöön ASSESSMENT-MARKER'],
    ]);
    expect(assessment.answers[1]).toEqual({
      itemId: 'digital.email',
      rater: 'caseworker',
      score: 1,
      text: null,
      note: null,
      withInterpreter: true,
      language: 'arabia',
    });
    const listed = await v.t.ok('assessments.list', { participantId: v.participantId });
    expect(listed.assessments).toEqual([assessment]);
    expect(listed.instruments.map((i) => i.version)).toEqual([1]);
    expect(wordingOf(listed.instruments[0]!, 'selfConfidence.sameRights')).toBe(
      'Uskon, että minulla on työssä samat oikeudet kuin kenellä tahansa.',
    );
  });

  it('is replaced whole from the version the form read, and lists its stages in order', async () => {
    const v = await vault();
    await v.t.ok('assessments.save', v.request({ stage: 'exit', date: '2026-11-27' }));
    const { assessment: intake } = await v.t.ok('assessments.save', v.request());
    v.t.clock.advance(60_000);
    const { assessment: edited } = await v.t.ok('assessments.save', {
      ...v.request({ date: '2026-10-06', baseUpdatedAt: intake.updatedAt }),
      answers: [{ itemId: 'finnish.speaking', rater: 'caseworker', score: 3 }],
    });
    expect(edited).toMatchObject({ id: intake.id, date: '2026-10-06', createdAt: intake.createdAt });
    expect(edited.updatedAt > intake.updatedAt).toBe(true);
    expect(edited.answers.map((a) => [a.itemId, a.score])).toEqual([['finnish.speaking', 3]]);
    const { assessments } = await v.t.ok('assessments.list', { participantId: v.participantId });
    expect(assessments.map((a) => a.stage)).toEqual(['intake', 'exit']);

    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { entityId: v.participantId, limit: 50 });
    const actions = entries.map((e) => [e.action, e.detail]).filter(([a]) => a?.startsWith('assessments.'));
    expect(actions).toEqual(
      expect.arrayContaining([
        ['assessments.create', `assessment:${intake.id};stage:intake`],
        ['assessments.update', `assessment:${intake.id};stage:intake`],
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain('ASSESSMENT-MARKER');
  });

  it('lists every stage with its due date and standing: on the group’s calendar, in individual guidance, and undated before any enrolment', async () => {
    const v = await vault();
    const stagesOf = async (participantId: string) =>
      (await v.t.ok('assessments.list', { participantId })).stages.map((s) => [
        s.stage,
        s.dueDate,
        s.status,
        s.recordedOn,
        s.provisional,
      ]);

    // Before any enrolment nothing can be dated, yet every stage is listed, so a missing one shows.
    await v.t.ok('assessments.save', v.request({ date: '2026-11-20' }));
    expect(await stagesOf(v.participantId)).toEqual([
      ['intake', null, 'done', '2026-11-20', false],
      ['midpoint', null, 'upcoming', null, false],
      ['exit', null, 'upcoming', null, false],
      ['followUp3', null, 'upcoming', null, false],
      ['followUp6', null, 'upcoming', null, false],
    ]);

    // A group meeting from Monday 30.11.2026 for ten weeks: the test clock's day is Saturday 28.11.2026.
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Talvi 2026', startDate: '2026-11-30', lengthWeeks: 10 });
    await v.t.ok('cohorts.enrol', { participantId: v.participantId, cohortId: cohort.id, startDate: '2026-11-30' });
    expect(await stagesOf(v.participantId)).toEqual([
      ['intake', '2026-12-04', 'done', '2026-11-20', false],
      ['midpoint', '2027-01-01', 'upcoming', null, false],
      ['exit', '2027-02-05', 'upcoming', null, false],
      ['followUp3', '2027-05-05', 'upcoming', null, true],
      ['followUp6', '2027-08-05', 'upcoming', null, true],
    ]);

    // Individual guidance from Monday 2.11.2026: intake by the end of its week 2 (overdue now), mid-point of week 5.
    const individual = await addConsentingParticipant(v);
    await v.t.ok('cohorts.enrol', {
      participantId: individual,
      cohortId: cohort.id,
      startDate: '2026-11-02',
      mode: 'individual',
    });
    expect((await stagesOf(individual)).slice(0, 3)).toEqual([
      ['intake', '2026-11-15', 'overdue', null, false],
      ['midpoint', '2026-12-06', 'upcoming', null, false],
      ['exit', '2027-01-10', 'upcoming', null, false],
    ]);
  });

  it('needs the participant’s consent to processing', async () => {
    const v = await vault();
    const { participant } = await v.t.ok('participants.create', {
      firstName: 'Ilman',
      referralDate: REFERRED,
      confirmDuplicate: true,
    });
    expect(await v.t.call('assessments.save', v.request({ participantId: participant.id }))).toMatchObject({
      ok: false,
      code: 'consent_required',
      details: { purpose: 'processing' },
    });
  });
});

describe('a refused assessment', () => {
  it('names each wrong answer on its own field with a sentence, and writes nothing', async () => {
    const v = await vault();
    const db = await rawDb(v);
    expect(
      await refusal(v, {
        answers: [
          { itemId: 'finnish.speaking', rater: 'caseworker', score: 11 },
          { itemId: 'rights.contract', rater: 'caseworker', score: 3 },
          { itemId: 'selfConfidence.fairJob', rater: 'participant', score: 0 },
          { itemId: 'finnish.singing', rater: 'caseworker', score: 1 },
          { itemId: 'finnish.reading', rater: 'participant', score: 1 },
          { itemId: 'digital.email', rater: 'caseworker' },
          { itemId: 'history.work', rater: 'caseworker', text: '   ' },
        ],
      }),
    ).toEqual({
      'answers.0.score': 'Valitse vastaus kysymyksen asteikolta.',
      'answers.1.score': 'Valitse vastaus kysymyksen asteikolta.',
      'answers.2.score': 'Valitse vastaus kysymyksen asteikolta.',
      'answers.3.itemId': 'Tätä kysymystä ei ole tässä arviointilomakkeen versiossa.',
      'answers.4.rater': 'Tähän kysymykseen ei kirjata tämän arvioijan näkemystä.',
      'answers.5.score': 'Valitse vastaus asteikolta.',
      'answers.6.text': 'Kirjoita vastaus.',
    });
    expect(count(db, 'assessments')).toBe(0);
    expect(count(db, 'assessment_answers')).toBe(0);
  });

  it('refuses a day in the future or before the participant joined the programme', async () => {
    const v = await vault();
    expect(await refusal(v, { date: '2026-11-29' })).toEqual({ date: 'Arvioinnin päivä ei voi olla tulevaisuudessa.' });
    expect(await refusal(v, { date: '2026-09-30' })).toEqual({
      date: BEFORE_START,
    });
    await v.t.ok('assessments.save', v.request({ date: REFERRED }));
    await v.t.ok('assessments.save', v.request({ stage: 'midpoint', date: TODAY }));
  });

  it('takes an enrolment or the file’s opening day as the start when it is earlier than the referral', async () => {
    const v = await vault();
    const { participant } = await v.t.ok('participants.create', { firstName: 'Noor', confirmDuplicate: true });
    await v.t.ok('consents.record', { participantId: participant.id, purpose: 'processing', givenOn: TODAY, method: 'signed' });
    expect(await refusal(v, { participantId: participant.id, date: '2026-11-27' })).toEqual({
      date: BEFORE_START,
    });
    await v.t.ok('assessments.save', v.request({ participantId: participant.id, date: TODAY }));
  });

  it('refuses a stage recorded twice, a save over someone else’s, and a version not stored', async () => {
    const v = await vault();
    const db = await rawDb(v);
    const { assessment } = await v.t.ok('assessments.save', v.request());
    expect(await refusal(v, {})).toEqual({ stage: 'Tämän vaiheen arviointi on jo tallennettu. Avaa se ja muokkaa sitä.' });
    expect(await refusal(v, { baseUpdatedAt: '2026-10-05T09:00:00.000Z' })).toEqual({
      baseUpdatedAt: 'Joku muu tallensi tämän arvioinnin sillä välin. Avaa arviointi uudelleen nähdäksesi muutokset.',
    });
    expect(await refusal(v, { stage: 'exit', baseUpdatedAt: assessment.updatedAt })).toEqual({
      baseUpdatedAt: 'Joku muu tallensi tämän arvioinnin sillä välin. Avaa arviointi uudelleen nähdäksesi muutokset.',
    });
    expect(await refusal(v, { stage: 'exit', version: 2 })).toEqual({
      version: 'Tätä arviointilomakkeen versiota ei ole tallennettu. Avaa arviointi uudelleen.',
    });
    expect(count(db, 'assessments')).toBe(1);
    expect((await v.t.ok('assessments.list', { participantId: v.participantId })).assessments).toEqual([assessment]);
  });
});

describe('the instrument’s versions', () => {
  it('keep an answer recorded under version 1 with version 1’s wording after version 2 is added', async () => {
    const v = await vault();
    const { assessment: intake } = await v.t.ok('assessments.save', {
      ...v.request(),
      answers: [
        { itemId: 'finnish.speaking', rater: 'caseworker', score: 2 },
        { itemId: 'digital.videoCalls', rater: 'caseworker', score: 3 },
      ],
    });
    addVersion2(await rawDb(v));

    const current = await v.t.ok('assessments.instrument', {});
    expect(current.current).toBe(2);
    expect(wordingOf(current.instrument, 'finnish.speaking')).toBe('Suullinen kielitaito');
    expect(wordingOf(current.instrument, 'digital.videoCalls')).toBeUndefined();
    const first = await v.t.ok('assessments.instrument', { version: 1 });
    expect(first.instrument.version).toBe(1);
    expect(wordingOf(first.instrument, 'finnish.speaking')).toBe('Puhuminen');

    const { assessment: exit } = await v.t.ok('assessments.save', {
      ...v.request({ stage: 'exit', date: TODAY, version: 2 }),
      answers: [{ itemId: 'finnish.speaking', rater: 'caseworker', score: 4 }],
    });
    const listed = await v.t.ok('assessments.list', { participantId: v.participantId });
    expect(listed.assessments).toEqual([intake, exit] satisfies Assessment[]);
    const [v1, v2] = listed.instruments;
    expect([v1?.version, v2?.version]).toEqual([1, 2]);
    // The intake reads with the words it was asked with, the removed item included; the exit with version 2's.
    expect(wordingOf(v1!, 'finnish.speaking')).toBe('Puhuminen');
    expect(wordingOf(v1!, 'digital.videoCalls')).toBe('Videopuhelut');
    expect(wordingOf(v2!, 'finnish.speaking')).toBe('Suullinen kielitaito');
    expect(listed.assessments[0]!.answers.map((a) => [a.itemId, a.score])).toEqual([
      ['finnish.speaking', 2],
      ['digital.videoCalls', 3],
    ]);

    expect(
      await refusal(v, {
        stage: 'midpoint',
        date: TODAY,
        version: 2,
        answers: [{ itemId: 'digital.videoCalls', rater: 'caseworker', score: 3 }],
      }),
    ).toEqual({ 'answers.0.itemId': 'Tätä kysymystä ei ole tässä arviointilomakkeen versiossa.' });
    expect(await v.t.call('assessments.instrument', { version: 3 })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('hide an item from new assessments at the coordinator’s word, while old assessments still show it', async () => {
    const v = await vault();
    const { assessment: intake } = await v.t.ok('assessments.save', {
      ...v.request(),
      answers: [{ itemId: 'digital.videoCalls', rater: 'caseworker', score: 2 }],
    });
    expect(await v.t.call('assessments.hideItem', { version: 1, itemId: 'digital.videoCalls', hidden: true })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    await v.as('coordinator');
    const { instrument } = await v.t.ok('assessments.hideItem', { version: 1, itemId: 'digital.videoCalls', hidden: true });
    expect(instrument.items.find((i) => i.id === 'digital.videoCalls')).toMatchObject({
      hidden: true,
      wording: { fi: 'Videopuhelut' },
    });
    expect(instrument.items.filter((i) => i.hidden).map((i) => i.id)).toEqual(['digital.videoCalls']);
    expect(await v.t.call('assessments.hideItem', { version: 1, itemId: 'finnish.singing', hidden: true })).toMatchObject({
      ok: false,
      details: { issues: [{ path: 'itemId', i18nKey: 'assessments.errors.itemNotInVersion' }] },
    });

    await v.as('caseworker');
    expect(
      await refusal(v, {
        stage: 'exit',
        date: TODAY,
        answers: [{ itemId: 'digital.videoCalls', rater: 'caseworker', score: 3 }],
      }),
    ).toEqual({
      'answers.0.itemId': 'Tämä kysymys on poistettu käytöstä, joten siihen ei voi enää vastata uudessa arvioinnissa.',
    });
    const listed = await v.t.ok('assessments.list', { participantId: v.participantId });
    expect(listed.assessments).toEqual([intake]);
    expect(listed.instruments[0]!.items.find((i) => i.id === 'digital.videoCalls')).toMatchObject({ hidden: true });
    // The assessment that answered it may still be corrected.
    await v.t.ok('assessments.save', {
      ...v.request({ baseUpdatedAt: intake.updatedAt }),
      answers: [{ itemId: 'digital.videoCalls', rater: 'caseworker', score: 3 }],
    });

    await v.as('coordinator');
    const shown = await v.t.ok('assessments.hideItem', { version: 1, itemId: 'digital.videoCalls', hidden: false });
    expect(shown.instrument.items.some((i) => i.hidden)).toBe(false);
    const { entries } = await v.t.ok('audit.list', { limit: 50 });
    expect(
      entries.filter((e) => e.action.startsWith('assessments.') && e.entity === 'instrument').map((e) => [e.action, e.detail]),
    ).toEqual(
      expect.arrayContaining([
        ['assessments.hideItem', 'item:digital.videoCalls'],
        ['assessments.showItem', 'item:digital.videoCalls'],
      ]),
    );
  });
});
