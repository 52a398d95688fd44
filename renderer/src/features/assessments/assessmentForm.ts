/**
 * The assessment form's state and what it sends: one draft answer for every item and rater the form offers, the
 * whole assessment built from it for `assessments.save`, and the refusals brought back to the field they are about.
 */
import {
  ASSESSMENT_DOMAINS,
  type AnswerInput,
  type Assessment,
  type AssessmentDomain,
  type AssessmentStage,
  type Instrument,
  type Rater,
  type SaveAssessmentInput,
} from '@shared/assessments';
import type { FieldErrors } from '../../api/validate';

/** One rater's answer to one item as typed: the step chosen (or none), the written answer, and its particulars. */
export interface AnswerDraft {
  score: number | null;
  text: string;
  note: string;
  withInterpreter: boolean;
  language: string;
}

export interface AssessmentDraft {
  date: string;
  /** By answerKey(item, rater). */
  answers: Readonly<Record<string, AnswerDraft>>;
}

export type FormItem = Instrument['items'][number];

/** The key of one rater's answer to one item, in the draft and in the field errors. */
export const answerKey = (itemId: string, rater: Rater) => `${itemId}/${rater}`;
/** The key of one field of one answer in the field errors (`score`, `text`, `note`, `language`...). */
export const answerFieldKey = (itemId: string, rater: Rater, field: string) => `${answerKey(itemId, rater)}/${field}`;

const EMPTY: AnswerDraft = { score: null, text: '', note: '', withInterpreter: false, language: '' };

/**
 * The items the form offers, in the version's order: every item not hidden, and a hidden one only when the
 * assessment being edited already answered it (a new assessment never offers a hidden item).
 */
export function offeredItems(instrument: Instrument, editing: Assessment | null): FormItem[] {
  const answered = new Set(editing?.answers.map((a) => a.itemId) ?? []);
  return instrument.items.filter((item) => !item.hidden || answered.has(item.id));
}

/** The offered items by domain, in the contract's order of domains; a domain without items is left out. */
export function itemsByDomain(items: readonly FormItem[]): { domain: AssessmentDomain; items: FormItem[] }[] {
  return ASSESSMENT_DOMAINS.map((domain) => ({ domain, items: items.filter((item) => item.domain === domain) })).filter(
    (group) => group.items.length > 0,
  );
}

/** The draft a form opens with: the recorded assessment's day and answers, or an empty one dated `today`. */
export function draftOf(items: readonly FormItem[], editing: Assessment | null, today: string): AssessmentDraft {
  const answers: Record<string, AnswerDraft> = {};
  for (const item of items) for (const rater of item.raters) answers[answerKey(item.id, rater)] = EMPTY;
  for (const a of editing?.answers ?? [])
    answers[answerKey(a.itemId, a.rater)] = {
      score: a.score,
      text: a.text ?? '',
      note: a.note ?? '',
      withInterpreter: a.withInterpreter,
      language: a.language ?? '',
    };
  return { date: editing?.date ?? today, answers };
}

/** Whether anything was given for an answer: it is sent only then, so an item left alone is simply not assessed. */
export function isGiven(answer: AnswerDraft): boolean {
  return (
    answer.score !== null ||
    answer.text.trim() !== '' ||
    answer.note.trim() !== '' ||
    answer.withInterpreter ||
    answer.language.trim() !== ''
  );
}

/** Whether an item has an answer (a step or a text) from each of its raters: what "3/4 arvioitu" counts. */
export function isAssessed(item: FormItem, draft: AssessmentDraft): boolean {
  return item.raters.every((rater) => {
    const answer = draft.answers[answerKey(item.id, rater)];
    return answer !== undefined && (item.scale === 'text' ? answer.text.trim() !== '' : answer.score !== null);
  });
}

export interface SaveRequest {
  input: SaveAssessmentInput;
  /** The answer key of each answer sent, by its index in `input.answers`: where a refusal of `answers.N` belongs. */
  sent: string[];
}

/**
 * The whole assessment as `assessments.save` takes it: every answer given, in the version's order of items and each
 * item's order of raters. An answer with only a note (no step) is sent too, so that the main side names the missing
 * step at its field instead of the note being dropped unseen.
 */
export function saveRequest(
  target: { participantId: string; stage: AssessmentStage; version: number; baseUpdatedAt: string | null },
  items: readonly FormItem[],
  draft: AssessmentDraft,
): SaveRequest {
  const answers: AnswerInput[] = [];
  const sent: string[] = [];
  for (const item of items)
    for (const rater of item.raters) {
      const key = answerKey(item.id, rater);
      const answer = draft.answers[key];
      if (!answer || !isGiven(answer)) continue;
      answers.push({
        itemId: item.id,
        rater,
        ...(item.scale === 'text' ? { text: answer.text } : { score: answer.score }),
        note: answer.note,
        withInterpreter: answer.withInterpreter,
        language: answer.language,
      });
      sent.push(key);
    }
  return {
    input: {
      participantId: target.participantId,
      stage: target.stage,
      date: draft.date,
      version: target.version,
      answers,
      baseUpdatedAt: target.baseUpdatedAt,
    },
    sent,
  };
}

/**
 * Field errors of a save (the schema's or the main side's) keyed as the form's fields are: `date`, `stage`,
 * `baseUpdatedAt`, `answers` (the list as a whole), and `answerFieldKey(item, rater, field)` for one answer's field.
 * A problem of an answer's item or rater (another version's item, a hidden one) is shown at its step.
 */
export function errorsByField(errors: FieldErrors, sent: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const [head, index, field] = path.split('.');
    const key = head === 'answers' && index !== undefined ? sent[Number(index)] : undefined;
    if (key === undefined) {
      out[head ?? path] ??= message;
      continue;
    }
    const at = field === 'itemId' || field === 'rater' || field === undefined ? 'score' : field;
    out[`${key}/${at}`] ??= message;
  }
  return out;
}
