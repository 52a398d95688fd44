import { describe, expect, it } from 'vitest';
import { savePlanInput, type Plan } from '@shared/plans';
import {
  draftFromPlan,
  errorsByItem,
  isOverdue,
  moved,
  PLAN_ERROR,
  saveInput,
  stepMovedToGoal,
  withStepStatus,
  type PlanDraft,
} from './planDraft';

const PARTICIPANT = '0123456789abcdef0123456789abcdef';
const id = (n: number) => n.toString(16).padStart(32, '0');

const plan: Plan = {
  id: id(100),
  participantId: PARTICIPANT,
  version: 3,
  goals: [
    {
      id: id(1),
      kind: 'vocationalQualification',
      target: 'Lähihoitajan tutkinto',
      targetDate: '2027-12-31',
      why: 'Haluan auttaa ihmisiä.',
      steps: [
        {
          id: id(11),
          what: 'Hae yhteishaussa',
          owner: 'participant',
          due: '2026-12-04',
          status: 'open',
          droppedReason: null,
          referralId: null,
        },
        {
          id: id(12),
          what: 'Tutustu kouluun',
          owner: 'caseworker',
          due: null,
          status: 'dropped',
          droppedReason: 'Ei tarvita',
          referralId: id(90),
        },
      ],
    },
    { id: id(2), kind: 'languageLevel', target: 'Suomi A2.2', targetDate: null, why: null, steps: [] },
  ],
  savedAt: '2026-11-28T09:00:00.000Z',
  savedBy: 'u1',
  savedByName: 'Kalle',
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'u1',
  createdByName: 'Kalle',
};

describe('the plan editor’s draft', () => {
  it('goes back to the same plan it was made from, ids and order kept, and passes the save’s own schema', () => {
    const input = saveInput(PARTICIPANT, draftFromPlan(plan));
    expect(input.baseVersion).toBe(3);
    expect(savePlanInput.parse(input).goals).toEqual(plan.goals.map(({ steps, ...goal }) => ({ ...goal, steps })));
  });

  it('starts a plan that does not exist yet with one empty goal and step, based on no version', () => {
    const draft = draftFromPlan(null);
    expect(draft.baseVersion).toBeNull();
    expect(draft.goals).toHaveLength(1);
    expect(draft.goals[0]!.steps).toHaveLength(1);
    expect(draft.goals[0]!.id).toBeUndefined();
  });

  it('sends empty optional fields as none, and a reason only for a dropped step', () => {
    const draft = draftFromPlan(plan);
    draft.goals[0]!.why = '  ';
    draft.goals[0]!.steps![0]!.droppedReason = 'kirjoitettu ennen kuin tila vaihtui';
    const input = saveInput(PARTICIPANT, draft);
    expect(input.goals[0]!.why).toBeNull();
    expect(input.goals[0]!.steps![0]!.droppedReason).toBeNull();
    expect(input.goals[0]!.steps![1]!.droppedReason).toBe('Ei tarvita');
  });

  it('marks one step done for the quick action and leaves the rest of the plan as it is', () => {
    const input = withStepStatus(plan, id(11), 'done');
    expect(input.goals[0]!.steps![0]).toMatchObject({ id: id(11), status: 'done' });
    expect(input.goals[0]!.steps![1]).toMatchObject({ status: 'dropped', droppedReason: 'Ei tarvita', referralId: id(90) });
    expect(withStepStatus(plan, id(11), 'dropped', 'Muutti').goals[0]!.steps![0]).toMatchObject({ droppedReason: 'Muutti' });
  });

  it('moves goals up and down within the list, and a step to the end of another goal', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    const draft = stepMovedToGoal(draftFromPlan(plan), id(11), id(2));
    expect(draft.goals.map((g) => g.steps.map((s) => s.key))).toEqual([[id(12)], [id(11)]]);
  });

  it('puts each problem of a save on the goal or step it is about, whatever moves come after', () => {
    const draft: PlanDraft = draftFromPlan(plan);
    const errors = errorsByItem(
      {
        'goals.0.target': { key: 'validation.required' },
        'goals.0.steps.1.droppedReason': { key: 'validation.reason_required' },
        'goals.1': { key: 'plans.errors.unknownItem' },
        goals: { key: 'validation.duplicate_values' },
        baseVersion: { key: 'plans.errors.stale' },
      },
      draft,
    );
    expect(errors).toEqual({
      [`${id(1)}.target`]: { key: 'validation.required' },
      [`${id(12)}.droppedReason`]: { key: 'validation.reason_required' },
      [id(2)]: { key: 'plans.errors.unknownItem' },
      [PLAN_ERROR]: { key: 'validation.duplicate_values' },
    });
  });

  it('calls an open step overdue once its day has passed, never a done or dropped one', () => {
    expect(isOverdue({ status: 'open', due: '2026-12-03' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-12-01' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ status: 'open', due: null }, '2026-12-04')).toBe(false);
  });
});
