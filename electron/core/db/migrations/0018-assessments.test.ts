import { describe, expect, it } from 'vitest';
import { definitionProblems, instrumentDefinition } from '@shared/assessments';
import { INSTRUMENT_V1 } from '../../assessments/instrument-v1';
import { addParticipant, addUser, insertRow, migrationTest, type Db } from './migration-test';

const { at, across } = migrationTest();

function seed(db: Db): void {
  addUser(db);
  addParticipant(db);
}

const assessmentRow = {
  id: 'a1',
  participant_id: 'p1',
  stage: 'intake',
  date: '2026-11-20',
  instrument_version: 1,
  created_at: 'a',
  created_by: 'u1',
  updated_at: 'a',
  updated_by: 'u1',
};
const answerRow = {
  assessment_id: 'a1',
  item_id: 'finnish.speaking',
  rater: 'caseworker',
  position: 0,
  score: 2,
  text: null,
  note: null,
  with_interpreter: 1,
  language: 'arabia',
};

describe('0018-assessments', () => {
  it('stores the shipped instrument as version 1, whole, beside the existing participants', () => {
    const db = across(18, seed);
    expect(db.prepare('SELECT id FROM participants').all()).toEqual([{ id: 'p1' }]);
    const rows = db.prepare('SELECT version, definition FROM assessment_instruments').all() as {
      version: number;
      definition: string;
    }[];
    expect(rows.map((r) => r.version)).toEqual([1]);
    const stored = instrumentDefinition.parse(JSON.parse(rows[0]!.definition));
    expect(stored).toEqual(INSTRUMENT_V1);
    expect(definitionProblems(stored)).toEqual([]);
    insertRow(db, 'assessments', assessmentRow);
    insertRow(db, 'assessment_answers', answerRow);
    insertRow(db, 'assessment_hidden_items', { version: 1, item_id: 'digital.videoCalls', hidden_at: 'a', hidden_by: 'u1' });
    expect(db.prepare('SELECT item_id, score FROM assessment_answers').get()).toEqual({ item_id: 'finnish.speaking', score: 2 });
  });

  it('keeps one assessment a participant and stage, and refuses unknown codes and versions, and half answers', () => {
    const db = at(18);
    seed(db);
    insertRow(db, 'assessments', assessmentRow);
    expect(() => insertRow(db, 'assessments', { ...assessmentRow, id: 'a2' })).toThrow(/UNIQUE/);
    const assessments: [Record<string, unknown>, RegExp][] = [
      [{ stage: 'halfway' }, /CHECK/],
      [{ date: '2026' }, /CHECK/],
      [{ instrument_version: 2 }, /FOREIGN KEY/],
      [{ participant_id: 'nobody' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of assessments)
      expect(
        () => insertRow(db, 'assessments', { ...assessmentRow, id: 'a3', stage: 'exit', ...values }),
        JSON.stringify(values),
      ).toThrow(error);
    const answers: [Record<string, unknown>, RegExp][] = [
      [{ rater: 'interpreter' }, /CHECK/],
      [{ score: null }, /CHECK/],
      [{ text: 'Kirjoitettu' }, /CHECK/],
      [{ note: '' }, /CHECK/],
      [{ with_interpreter: 2 }, /CHECK/],
      [{ assessment_id: 'none' }, /FOREIGN KEY/],
    ];
    for (const [values, error] of answers)
      expect(() => insertRow(db, 'assessment_answers', { ...answerRow, ...values }), JSON.stringify(values)).toThrow(error);
    insertRow(db, 'assessment_answers', answerRow);
    expect(() => insertRow(db, 'assessment_answers', answerRow)).toThrow(/UNIQUE|PRIMARY/);
    insertRow(db, 'assessment_answers', { ...answerRow, rater: 'participant' });
    expect(() =>
      insertRow(db, 'assessment_hidden_items', { version: 9, item_id: 'x.y', hidden_at: 'a', hidden_by: 'u1' }),
    ).toThrow(/FOREIGN KEY/);
    expect(() => insertRow(db, 'assessment_instruments', { version: 2, definition: '[]' })).toThrow(/CHECK/);
  });
});
