import { describe, expect, it } from 'vitest';
import type { Participant } from '@shared/participants';
import { identityRemover } from './redact';

const person = {
  pseudonym: 'P-2026-007',
  firstName: 'Leila',
  lastName: 'Haddad-Salem',
  preferredName: 'Lili',
  phone: '+358 40 123 4567',
  email: 'leila.h@example.org',
} as Participant;

const remove = identityRemover(person);

describe('removing a participant’s identity from printed text', () => {
  it('replaces the names, whole and in parts, in any letter case, with the pseudonym code', () => {
    expect(remove('Leila Haddad-Salem met LEILA’s sister. Lili came late. Salem called.')).toBe(
      'P-2026-007 P-2026-007 met P-2026-007’s sister. P-2026-007 came late. P-2026-007 called.',
    );
  });

  it('leaves words that only contain a name alone', () => {
    expect(remove('Leilani and Lilies; Salemi')).toBe('Leilani and Lilies; Salemi');
  });

  it('replaces the phone number however it is written, and the email address', () => {
    expect(remove('Call 040 1234567 or +358 (40) 123-4567, mail leila.h@example.org.')).not.toMatch(/4567|example/);
    expect(remove('+358401234567')).toBe('[…]');
    expect(remove('Write to LEILA.H@EXAMPLE.ORG')).toBe('Write to […]');
  });

  it('changes nothing for a participant without names or contact details', () => {
    const nameless = identityRemover({
      pseudonym: 'P-2026-008',
      firstName: null,
      lastName: null,
      preferredName: null,
      phone: null,
      email: null,
    } as Participant);
    expect(nameless('Leila 040 1234567')).toBe('Leila 040 1234567');
  });
});
