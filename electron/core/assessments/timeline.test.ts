import { afterEach, describe, expect, it } from 'vitest';
import { assessmentVault, type AssessmentVault } from './testing/vault';

const vaults: AssessmentVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MINUTE = 60_000;

describe('assessments on the participant’s timeline', () => {
  it('shows an assessment on the day it was made with its stage, and each correction when it was saved, by whom', async () => {
    const v = await assessmentVault();
    vaults.push(v);
    const { assessment } = await v.t.ok('assessments.save', v.request());
    v.t.clock.advance(MINUTE);
    await v.as('coordinator');
    await v.t.ok('assessments.save', v.request({ date: '2026-10-06', baseUpdatedAt: assessment.updatedAt }));

    const { items } = await v.t.ok('timeline.participant', { participantId: v.participantId });
    const ofAssessments = items.filter((i) => i.kind.startsWith('assessment_'));
    expect(ofAssessments).toEqual([
      {
        kind: 'assessment_updated',
        id: assessment.id,
        at: '2026-11-28T09:01:00.000Z',
        byName: 'Aino Koordinaattori',
        label: 'intake',
        text: null,
      },
      { kind: 'assessment_recorded', id: assessment.id, at: '2026-10-06', byName: 'Kalle Ohjaaja', label: 'intake', text: null },
    ]);
    // Nothing of the answers: the stage is all the timeline says.
    expect(JSON.stringify(items)).not.toContain('ASSESSMENT-MARKER');

    await v.as('psychologist');
    const psychologists = await v.t.ok('timeline.participant', { participantId: v.participantId });
    expect(psychologists.items.filter((i) => i.kind.startsWith('assessment_'))).toHaveLength(2);
  });
});
