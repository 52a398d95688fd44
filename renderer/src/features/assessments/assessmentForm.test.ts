import { describe, expect, it } from 'vitest';
import type { Assessment, Instrument, Wording } from '@shared/assessments';
import {
  answerKey,
  draftOf,
  errorsByField,
  isAssessed,
  itemsByDomain,
  offeredItems,
  saveRequest,
  type AssessmentDraft,
} from './assessmentForm';

const w = (fi: string): Wording => ({ fi, sv: fi, en: fi });
const steps = (codes: readonly string[], first: number) => codes.map((code, i) => ({ score: first + i, code, label: w(code) }));

/** A small version: two Finnish items (one hidden), a self-rating both raters answer, and a written answer. */
const INSTRUMENT: Instrument = {
  version: 3,
  scales: {
    cefr: steps(['preA1', 'A1.1', 'A1.2', 'A1.3', 'A2.1', 'A2.2', 'B1.1', 'B1.2', 'B2.1', 'B2.2', 'C1.1'], 0),
    independence: steps(['notYet', 'withHelp', 'alone', 'canHelpOthers'], 1),
    check: steps(['no', 'partly', 'yes'], 0),
    ladder: steps(['1', '2', '3', '4', '5'], 1),
  },
  items: [
    {
      id: 'finnish.speaking',
      domain: 'finnish',
      scale: 'cefr',
      raters: ['caseworker'],
      wording: w('Puhuminen'),
      guidance: null,
      hidden: false,
    },
    {
      id: 'finnish.writing',
      domain: 'finnish',
      scale: 'cefr',
      raters: ['caseworker'],
      wording: w('Kirjoittaminen'),
      guidance: null,
      hidden: true,
    },
    {
      id: 'selfConfidence.sameRights',
      domain: 'selfConfidence',
      scale: 'ladder',
      raters: ['participant', 'caseworker'],
      wording: w('Samat oikeudet'),
      guidance: null,
      hidden: false,
    },
    {
      id: 'history.wishes',
      domain: 'history',
      scale: 'text',
      raters: ['caseworker'],
      wording: w('Toiveet'),
      guidance: null,
      hidden: false,
    },
  ],
};

const recorded = (answers: Assessment['answers']): Assessment => ({
  id: 'a1',
  participantId: 'p1',
  stage: 'intake',
  date: '2026-10-05',
  version: 3,
  answers,
  createdAt: '2026-10-05T09:00:00.000Z',
  createdBy: 'u1',
  createdByName: null,
  updatedAt: '2026-10-06T09:00:00.000Z',
  updatedBy: 'u1',
  updatedByName: null,
});

const answer = (itemId: string, score: number): Assessment['answers'][number] => ({
  itemId,
  rater: 'caseworker',
  score,
  text: null,
  note: null,
  withInterpreter: false,
  language: null,
});

const target = { participantId: 'p1', stage: 'intake' as const, version: 3, baseUpdatedAt: null };

function withAnswer(draft: AssessmentDraft, key: string, patch: Partial<AssessmentDraft['answers'][string]>): AssessmentDraft {
  return { ...draft, answers: { ...draft.answers, [key]: { ...draft.answers[key]!, ...patch } } };
}

describe('the assessment form', () => {
  it('offers no hidden item for a new assessment, but keeps one an old assessment answered', () => {
    expect(offeredItems(INSTRUMENT, null).map((i) => i.id)).toEqual([
      'finnish.speaking',
      'selfConfidence.sameRights',
      'history.wishes',
    ]);
    const old = recorded([answer('finnish.writing', 2)]);
    expect(offeredItems(INSTRUMENT, old).map((i) => i.id)).toContain('finnish.writing');
  });

  it('groups the items by domain in the contract’s order, leaving out a domain without items', () => {
    expect(itemsByDomain(offeredItems(INSTRUMENT, null)).map((g) => [g.domain, g.items.length])).toEqual([
      ['finnish', 1],
      ['selfConfidence', 1],
      ['history', 1],
    ]);
  });

  it('sends only the answers given, in the version’s order with the participant’s view first, and the whole day and version', () => {
    const items = offeredItems(INSTRUMENT, null);
    let draft = draftOf(items, null, '2026-11-28');
    draft = withAnswer(draft, answerKey('history.wishes', 'caseworker'), { text: 'Keittiötyö' });
    draft = withAnswer(draft, answerKey('selfConfidence.sameRights', 'caseworker'), { score: 4 });
    draft = withAnswer(draft, answerKey('selfConfidence.sameRights', 'participant'), {
      score: 2,
      withInterpreter: true,
      language: 'arabia',
    });
    const { input, sent } = saveRequest(target, items, draft);
    expect(input).toEqual({
      participantId: 'p1',
      stage: 'intake',
      date: '2026-11-28',
      version: 3,
      baseUpdatedAt: null,
      answers: [
        {
          itemId: 'selfConfidence.sameRights',
          rater: 'participant',
          score: 2,
          note: '',
          withInterpreter: true,
          language: 'arabia',
        },
        { itemId: 'selfConfidence.sameRights', rater: 'caseworker', score: 4, note: '', withInterpreter: false, language: '' },
        { itemId: 'history.wishes', rater: 'caseworker', text: 'Keittiötyö', note: '', withInterpreter: false, language: '' },
      ],
    });
    expect(sent).toEqual([
      'selfConfidence.sameRights/participant',
      'selfConfidence.sameRights/caseworker',
      'history.wishes/caseworker',
    ]);
  });

  it('sends a note without a step, so that the missing step is named at its field instead of the note being lost', () => {
    const items = offeredItems(INSTRUMENT, null);
    const draft = withAnswer(draftOf(items, null, '2026-11-28'), answerKey('finnish.speaking', 'caseworker'), {
      note: 'Ujo',
    });
    expect(saveRequest(target, items, draft).input.answers).toEqual([
      { itemId: 'finnish.speaking', rater: 'caseworker', score: null, note: 'Ujo', withInterpreter: false, language: '' },
    ]);
  });

  it('opens an edit with the recorded day and answers, and counts an item assessed when each of its raters answered', () => {
    const old = recorded([answer('finnish.speaking', 3), answer('selfConfidence.sameRights', 4)]);
    const items = offeredItems(INSTRUMENT, old);
    const draft = draftOf(items, old, '2026-11-28');
    expect(draft.date).toBe('2026-10-05');
    expect(draft.answers[answerKey('finnish.speaking', 'caseworker')]?.score).toBe(3);
    expect(isAssessed(items[0]!, draft)).toBe(true);
    const sameRights = items.find((i) => i.id === 'selfConfidence.sameRights')!;
    expect(isAssessed(sameRights, draft)).toBe(false);
    expect(isAssessed(sameRights, withAnswer(draft, answerKey(sameRights.id, 'participant'), { score: 1 }))).toBe(true);
  });

  it('brings each refusal back to the field it is about, an item’s or rater’s problem to its steps', () => {
    const sent = ['finnish.speaking/caseworker', 'selfConfidence.sameRights/participant'];
    const errors = errorsByField(
      {
        date: { key: 'assessments.errors.dateInFuture' },
        'answers.0.score': { key: 'assessments.errors.scoreRequired' },
        'answers.1.itemId': { key: 'assessments.errors.itemHidden' },
        'answers.1.note': { key: 'validation.too_long' },
        baseUpdatedAt: { key: 'assessments.errors.stale' },
      },
      sent,
    );
    expect(errors).toEqual({
      date: { key: 'assessments.errors.dateInFuture' },
      'finnish.speaking/caseworker/score': { key: 'assessments.errors.scoreRequired' },
      'selfConfidence.sameRights/participant/score': { key: 'assessments.errors.itemHidden' },
      'selfConfidence.sameRights/participant/note': { key: 'validation.too_long' },
      baseUpdatedAt: { key: 'assessments.errors.stale' },
    });
  });
});
