import { useMemo, useState } from 'react';
import type { FieldErrors } from '../../api/validate';
import { estimateStrength, type Strength } from './strength';

/** The state of a "new passphrase + the same again" pair, with its strength and its own checks. */
export function usePassphraseChoice(avoid: readonly string[]) {
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const avoidKey = avoid.join('\n');
  // The estimate only depends on the text and the names to avoid.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const strength: Strength = useMemo(() => estimateStrength(next, avoid), [next, avoidKey]);

  /** Problems the schema cannot see: a very weak passphrase, and a confirmation that differs. */
  function check(nextField: string, againField: string): FieldErrors {
    const errors: FieldErrors = {};
    if (next.length > 0 && strength.score === 0 && !strength.hints.includes('tooShort'))
      errors[nextField] = { key: 'validation.passphrase_too_weak' };
    if (again !== next) errors[againField] = { key: again ? 'validation.passphrase_mismatch' : 'validation.required' };
    return errors;
  }

  return { next, setNext, again, setAgain, strength, check };
}
