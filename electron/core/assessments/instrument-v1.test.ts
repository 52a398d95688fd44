import { describe, expect, it } from 'vitest';
import { ASSESSMENT_DOMAINS, definitionProblems, instrumentDefinition, scoreRange, stepOfScore } from '@shared/assessments';
import { INSTRUMENT_V1 } from './instrument-v1';

const idsOf = (domain: string) => INSTRUMENT_V1.items.filter((item) => item.domain === domain).map((item) => item.id);

describe('the instrument as shipped (version 1)', () => {
  it('is a whole definition by the contract', () => {
    expect(instrumentDefinition.parse(INSTRUMENT_V1)).toEqual(INSTRUMENT_V1);
    expect(definitionProblems(INSTRUMENT_V1)).toEqual([]);
  });

  it('asks the items of every domain of the coaching, on the scale each domain uses', () => {
    expect(new Set(INSTRUMENT_V1.items.map((item) => item.domain))).toEqual(new Set(ASSESSMENT_DOMAINS));
    expect(idsOf('finnish')).toEqual(['finnish.listening', 'finnish.speaking', 'finnish.reading', 'finnish.writing']);
    expect(idsOf('digital')).toEqual([
      'digital.devices',
      'digital.email',
      'digital.strongId',
      'digital.jobPortals',
      'digital.documents',
      'digital.videoCalls',
      'digital.safety',
    ]);
    expect(idsOf('rights')).toEqual(['rights.minimumTerms', 'rights.paySlip', 'rights.whereToTurn', 'rights.contract']);
    expect(idsOf('jobSearch')).toEqual([
      'jobSearch.cv',
      'jobSearch.application',
      'jobSearch.interview',
      'jobSearch.portals',
      'jobSearch.network',
    ]);
    expect(idsOf('everydayLife')).toEqual([
      'everydayLife.housing',
      'everydayLife.money',
      'everydayLife.health',
      'everydayLife.transport',
      'everydayLife.authorities',
    ]);
    expect(idsOf('history')).toEqual(['history.work', 'history.education', 'history.wishes']);
    const scaleOf = Object.fromEntries(INSTRUMENT_V1.items.map((item) => [item.domain, item.scale]));
    expect(scaleOf).toEqual({
      finnish: 'cefr',
      digital: 'independence',
      rights: 'check',
      jobSearch: 'independence',
      everydayLife: 'independence',
      selfConfidence: 'ladder',
      history: 'text',
    });
  });

  it('asks the self-confidence statements of both the participant and the caseworker, the rest of the caseworker', () => {
    for (const item of INSTRUMENT_V1.items)
      expect(item.raters, item.id).toEqual(item.domain === 'selfConfidence' ? ['participant', 'caseworker'] : ['caseworker']);
    expect(idsOf('selfConfidence').length).toBeGreaterThanOrEqual(3);
  });

  it('words every item and every step in Finnish, Swedish and English, each its own', () => {
    const texts = [
      ...INSTRUMENT_V1.items.flatMap((item) => [item.wording, ...(item.guidance ? [item.guidance] : [])]),
      ...Object.values(INSTRUMENT_V1.scales).flatMap((steps) => steps.map((step) => step.label)),
    ];
    for (const { fi, sv, en } of texts) {
      expect(fi.trim().length, en).toBeGreaterThan(0);
      // A language left untranslated would read the same as another; the scales' plain codes aside ("Ja", "Nej").
      expect(new Set([fi, sv, en]).size, `${fi} / ${sv} / ${en}`).toBe(3);
    }
  });

  it('scores the Finnish levels from pre-A1 (0) to C1.1 (10), as Finnish language teaching names them', () => {
    expect(scoreRange('cefr')).toEqual({ min: 0, max: 10 });
    expect(INSTRUMENT_V1.scales.cefr.map((s) => s.code)).toEqual([
      'preA1',
      'A1.1',
      'A1.2',
      'A1.3',
      'A2.1',
      'A2.2',
      'B1.1',
      'B1.2',
      'B2.1',
      'B2.2',
      'C1.1',
    ]);
    expect(stepOfScore('independence', 2)).toBe('withHelp');
    expect(stepOfScore('ladder', 6)).toBeUndefined();
  });
});
