import { describe, expect, it } from 'vitest';
import { printRequestOf, type PrintChoices } from './printRequest';

const ID = 'a'.repeat(32);
const DATED = new Set(['notes', 'psychosocial']);
const choices = (overrides: Partial<PrintChoices> = {}): PrintChoices => ({
  sections: ['basic'],
  notesFrom: '',
  notesTo: '',
  pseudonymOnly: false,
  locale: 'fi',
  ...overrides,
});

describe('the print request made from the form', () => {
  it('carries the chosen sections, pseudonym choice and language', () => {
    expect(printRequestOf(ID, choices({ sections: ['basic', 'consents'], pseudonymOnly: true, locale: 'sv' }), DATED)).toEqual({
      ok: true,
      request: { participantId: ID, sections: ['basic', 'consents'], pseudonymOnly: true, locale: 'sv' },
    });
  });

  it('sends the dates only when a chosen section takes them', () => {
    const dates = { notesFrom: '2026-11-01', notesTo: '2026-11-30' };
    expect(printRequestOf(ID, choices({ sections: ['basic'], ...dates }), DATED)).toMatchObject({
      request: { sections: ['basic'] },
    });
    expect(printRequestOf(ID, choices({ sections: ['basic'], ...dates }), DATED)).not.toHaveProperty('request.notesFrom');
    expect(printRequestOf(ID, choices({ sections: ['notes'], ...dates }), DATED)).toMatchObject({ request: dates });
    expect(printRequestOf(ID, choices({ sections: ['notes'], notesTo: '2026-11-30' }), DATED)).toEqual({
      ok: true,
      request: { participantId: ID, sections: ['notes'], pseudonymOnly: false, locale: 'fi', notesTo: '2026-11-30' },
    });
  });

  it('says what is wrong: nothing chosen, a date that is not one, an end before the start', () => {
    expect(printRequestOf(ID, choices({ sections: [] }), DATED)).toEqual({
      ok: false,
      errors: { sections: { key: 'print.problems.noSection' } },
    });
    expect(printRequestOf(ID, choices({ sections: ['notes'], notesFrom: '2026-13-01' }), DATED)).toEqual({
      ok: false,
      errors: { notesFrom: { key: 'validation.date' } },
    });
    expect(printRequestOf(ID, choices({ sections: ['notes'], notesFrom: '2026-11-30', notesTo: '2026-11-01' }), DATED)).toEqual({
      ok: false,
      errors: { notesTo: { key: 'print.problems.rangeReversed' } },
    });
  });
});
