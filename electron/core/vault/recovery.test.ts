import { describe, expect, it } from 'vitest';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('generateRecoveryCode', () => {
  it('shows 30 Crockford base32 characters as six dash-separated groups of five', () => {
    expect(generateRecoveryCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
  });

  it('draws every character of the alphabet, never the same code twice', () => {
    const codes = Array.from({ length: 300 }, generateRecoveryCode);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(codes.join('').replace(/-/g, ''));
    expect([...seen].sort().join('')).toBe(CROCKFORD);
  });
});

describe('normalizeRecoveryCode', () => {
  it('turns a generated code into its 30 characters without dashes', () => {
    const code = generateRecoveryCode();
    expect(normalizeRecoveryCode(code)?.toString('ascii')).toBe(code.replace(/-/g, ''));
  });

  it('accepts the code typed in lower case, with spaces or without separators', () => {
    const canonical = normalizeRecoveryCode('ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567');
    expect(canonical?.toString('ascii')).toBe('ABCDEFGHJKMNPQRSTVWXYZ01234567');
    expect(normalizeRecoveryCode('abcde fghjk mnpqr stvwx yz012 34567')).toEqual(canonical);
    expect(normalizeRecoveryCode(' abcdefghjkmnpqrstvwxyz01234567\n')).toEqual(canonical);
    expect(normalizeRecoveryCode('ABCDE–FGHJK–MNPQR–STVWX–YZ012–34567')).toEqual(canonical);
  });

  it('reads the look-alikes O as zero and I or L as one', () => {
    const canonical = normalizeRecoveryCode('00000-11111-00000-11111-00000-11111');
    expect(normalizeRecoveryCode('OoOoO-IiLlI-0o0O0-lLiI1-oOoOo-LILIL')).toEqual(canonical);
  });

  it.each([
    ['empty input', ''],
    ['one character short', 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-3456'],
    ['one character too many', 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-345678'],
    ['a U, which the alphabet leaves out', 'UBCDE-FGHJK-MNPQR-STVWX-YZ012-34567'],
    ['punctuation', 'ABCDE.FGHJK.MNPQR.STVWX.YZ012.34567'],
    ['a non-ASCII letter that upper-cases to a valid one', 'ıBCDE-FGHJK-MNPQR-STVWX-YZ012-34567'],
  ])('rejects %s', (_, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });
});
