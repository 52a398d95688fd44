import { describe, expect, it } from 'vitest';
import { assessmentProgress, levelFigures, levelPercent, progressChartLabels, progressRows } from './assessment-progress';
import { progressFixture, recorded, smallInstrument } from './testing/assessment-fixture';

describe('a participant’s level per domain and stage', () => {
  it('is the median of the scored items’ places on their scales, per rater, in the hand-computed numbers', () => {
    const { assessments, instruments } = progressFixture();
    const progress = assessmentProgress(assessments, instruments, 'fi');
    expect(progress.stages).toEqual(['intake', 'exit']);
    expect(progress.domains).toEqual(['finnish', 'digital', 'rights', 'jobSearch', 'everydayLife', 'selfConfidence']);
    expect(progress.levels.map((l) => [l.domain, l.stage, l.rater, +l.level.toFixed(4), l.items, l.label])).toEqual([
      ['finnish', 'intake', 'caseworker', 0.1, 4, 'A1.1 v1 fi'],
      ['finnish', 'exit', 'caseworker', 0.4, 4, 'A2.1 v2 fi'],
      ['digital', 'intake', 'caseworker', 0.1667, 2, 'notYet v1 fi'],
      ['rights', 'intake', 'caseworker', 0.75, 2, null],
      ['selfConfidence', 'intake', 'participant', 0.375, 2, '2 v1 fi'],
      ['selfConfidence', 'intake', 'caseworker', 0.5, 1, '3 v1 fi'],
      ['selfConfidence', 'exit', 'participant', 0.875, 2, '4 v2 fi'],
    ]);
  });

  it('reads an answer recorded under version 1 with version 1’s step words after version 2 is added', () => {
    const intake = recorded('intake', 1, { 'finnish.speaking': 3 });
    const v1 = smallInstrument(1);
    const v2 = smallInstrument(2);
    const [level] = assessmentProgress([intake], [v2, v1], 'sv').levels;
    expect(level).toMatchObject({ domain: 'finnish', stage: 'intake', level: 0.3, label: 'A1.3 v1 sv' });
  });

  it('leaves out written answers, unscored items and an assessment whose version is not given', () => {
    const onlyText = recorded('intake', 1, {}, { 'history.wishes': 'Keittiöön' });
    const unknownVersion = recorded('exit', 9, { 'finnish.speaking': 3 });
    expect(assessmentProgress([onlyText, unknownVersion], [smallInstrument(1)], 'en')).toEqual({
      stages: ['intake'],
      domains: ['finnish', 'digital', 'rights', 'jobSearch', 'everydayLife', 'selfConfidence'],
      levels: [],
    });
  });

  it('writes a level as a whole percentage', () => {
    expect([0, 1 / 6, 0.375, 0.875, 1].map(levelPercent)).toEqual([0, 17, 38, 88, 100]);
  });

  it('takes the picture’s words from the catalogue’s homes of stages, domains and raters', () => {
    const labels = progressChartLabels((key) => `<${key}>`);
    expect(labels.stages.followUp3).toBe('<assessments.stages.followUp3>');
    expect(labels.domains.selfConfidence).toBe('<assessments.domains.selfConfidence>');
    expect(labels.raters.participant).toBe('<assessments.raters.participant>');
    expect(labels.axis.end).toBe('<assessments.progress.axis.end>');
    expect(labels.domains).not.toHaveProperty('history');
  });

  it('writes percentages as the language does, in the axis and in the table alike', () => {
    const catalogue: Record<string, Record<string, string>> = {
      fi: { 'assessments.progress.percent': '{{percent}} %', 'assessments.progress.cell': '{{percent}} · {{count}} kysymystä' },
      en: { 'assessments.progress.percent': '{{percent}}%', 'assessments.progress.cell': '{{percent}} · {{count}} questions' },
    };
    const translator =
      (locale: string) =>
      (key: string, values: Readonly<Record<string, string | number>> = {}) =>
        (catalogue[locale]![key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
    const level = { domain: 'finnish', stage: 'exit', rater: 'caseworker', level: 0.35, items: 2, label: null } as const;
    expect(levelFigures(level, translator('fi'))).toBe('35 % · 2 kysymystä');
    expect(levelFigures(level, translator('en'))).toBe('35% · 2 questions');
    expect(progressChartLabels(translator('en')).percent(25)).toBe('25%');
  });
});

describe('the table beside the picture', () => {
  it('has a row per domain and rater with a cell per recorded stage, and one row for a domain no one rated', () => {
    const { assessments, instruments } = progressFixture();
    const rows = progressRows(assessmentProgress(assessments, instruments, 'en'));
    expect(
      rows.map((r) => [r.domain, r.rater, ...r.cells.map((c) => (c ? `${levelPercent(c.level)} ${c.label ?? '-'}` : null))]),
    ).toEqual([
      ['finnish', 'caseworker', '10 A1.1 v1 en', '40 A2.1 v2 en'],
      ['digital', 'caseworker', '17 notYet v1 en', null],
      ['rights', 'caseworker', '75 -', null],
      ['jobSearch', null, null, null],
      ['everydayLife', null, null, null],
      ['selfConfidence', 'participant', '38 2 v1 en', '88 4 v2 en'],
      ['selfConfidence', 'caseworker', '50 3 v1 en', null],
    ]);
  });
});
