import { describe, expect, it } from 'vitest';
import { participant as participantSchema, type Participant } from '@shared/participants';
import { ROLES } from '@shared/roles';
import type { ListedParticipant } from './repo';
import { participantViewOf, projectPage, projectParticipant, rowProjection } from './projection';

const FULL: Participant = {
  id: 'a'.repeat(32),
  pseudonym: 'P-2026-001',
  firstName: 'Leila',
  lastName: 'L-MARK',
  preferredName: 'P-MARK',
  birthYear: 1991,
  ageBand: null,
  gender: 'female',
  languages: ['LANG-MARK'],
  interpreterNeeded: true,
  interpreterLanguage: 'IL-MARK',
  phone: 'PH-MARK',
  email: 'EM-MARK',
  safeContactMethod: 'text_message',
  safeContactNotes: 'SCN-MARK',
  nationalAssistanceStatus: 'in_system',
  referralSourceType: 'ngo',
  referralOrganisation: 'RO-MARK',
  referralContactPerson: 'RCP-MARK',
  referralDate: '2026-10-01',
  workAbility: 'partial',
  educationIsced: 'isced_3_4',
  labourMarketStatusAtEntry: 'unemployed',
  thirdCountryNational: 'yes',
  foreignBackground: 'yes',
  disability: 'yes',
  housingExclusion: 'no',
  responsibleCaseworkerId: 'b'.repeat(32),
  responsibleCaseworkerName: 'CW-MARK',
  status: 'discontinued',
  discontinuedReason: 'DR-MARK',
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
  createdBy: 'c'.repeat(32),
};
const LISTED: ListedParticipant = { ...FULL, cohortId: 'd'.repeat(32), cohortName: 'Spring group' };

/** The registry's row of LISTED: with its count of safety flags in force. */
const ROWED = { ...LISTED, safetyFlags: 2 };

describe('the projection of a participant per role', () => {
  it('follows the matrix: teachers get the limited view, every other role the full one', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, participantViewOf(role)]))).toEqual({
      coordinator: 'full',
      caseworker: 'full',
      psychologist: 'full',
      teacher: 'limited',
    });
  });

  it('gives a teacher nothing but the id, pseudonym, first name and cohort of a fully filled record', () => {
    const opened = projectParticipant('teacher', LISTED);
    const listed = projectPage('teacher', [ROWED, ROWED], 2);
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(opened.participant)).toEqual(['cohortName', 'firstName', 'id', 'pseudonym']);
    expect(opened.participant).toMatchObject({ cohortName: 'Spring group' });
    for (const row of listed.rows) expect(keys(row)).toEqual(['cohortName', 'firstName', 'id', 'pseudonym']);
    expect(JSON.stringify([opened, listed])).not.toMatch(/MARK|1991|female|ngo|discontinued/);
  });

  it('gives full readers the whole record when opened, and a row without contact details in the registry', () => {
    expect(projectParticipant('psychologist', LISTED)).toEqual({ view: 'full', participant: FULL });
    expect(participantSchema.parse(FULL)).toEqual(FULL);
    const row = rowProjection(ROWED);
    expect(JSON.stringify(row)).not.toMatch(/PH-MARK|EM-MARK|SCN-MARK|RCP-MARK|RO-MARK|DR-MARK|IL-MARK/);
    expect(row).toMatchObject({ cohortId: 'd'.repeat(32), cohortName: 'Spring group', safetyFlags: 2 });
    expect(projectPage('caseworker', [ROWED], 1)).toEqual({ view: 'full', rows: [row], total: 1 });
  });
});
