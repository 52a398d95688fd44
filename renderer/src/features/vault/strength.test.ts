import { describe, expect, it } from 'vitest';
import { estimateStrength } from './strength';

describe('the passphrase strength estimate', () => {
  it('gives an empty field score 0 and no advice yet', () => {
    expect(estimateStrength('')).toEqual({ score: 0, hints: [] });
  });

  it('rates the passwords people pick first as very weak, in every UI language', () => {
    for (const common of ['password', 'Salasana', 'lösenord', 'Salasana123!', 'Tervetuloa2024', 'qwerty']) {
      const result = estimateStrength(common);
      expect(result.score, common).toBe(0);
      expect(result.hints, common).toContain('common');
    }
  });

  it('says a passphrase shorter than the minimum is too short and never rates it above weak', () => {
    const result = estimateStrength('Tx9#mK2$vL8');
    expect(result.hints).toContain('tooShort');
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('sees through repeated characters and repeated chunks', () => {
    expect(estimateStrength('aaaaaaaaaaaaaaaa')).toMatchObject({ score: 0, hints: expect.arrayContaining(['repeats']) });
    expect(estimateStrength('abc1abc1abc1abc1').score).toBeLessThanOrEqual(1);
    expect(estimateStrength('abc1abc1abc1abc1').hints).toContain('repeats');
  });

  it('sees through alphabet and number sequences, forwards and backwards', () => {
    for (const text of ['abcdefghijklmnop', '1234567890123', 'zyxwvutsrqponm']) {
      const result = estimateStrength(text);
      expect(result.score, text).toBeLessThanOrEqual(1);
      expect(result.hints, text).toContain('sequence');
    }
  });

  it('sees through walks along the keyboard, including the Nordic row with å, ö and ä', () => {
    for (const text of ['qwertyuiopå1', 'asdfghjklöä!', '1qaz2wsx3edc', 'poiuytrewq12']) {
      const result = estimateStrength(text);
      expect(result.score, text).toBeLessThanOrEqual(1);
      expect(result.hints, text).toContain('keyboard');
    }
  });

  it('warns when the passphrase contains the person’s own name', () => {
    const result = estimateStrength('Marjatta Virtanen 1980', ['Marjatta Virtanen']);
    expect(result.hints).toContain('containsName');
    expect(result.score).toBeLessThanOrEqual(2);
  });

  it('asks for more variety when only one kind of character is used in a short passphrase', () => {
    expect(estimateStrength('kuusikolmetoista').hints).toContain('variety');
  });

  it('rates four unrelated words as strong', () => {
    for (const text of ['kimalainen lyhty purje omenapuu', 'fyrtorn kanel segelbåt hallon', 'correct horse battery staple']) {
      expect(estimateStrength(text).score, text).toBeGreaterThanOrEqual(3);
      expect(estimateStrength(text).hints, text).not.toContain('longer');
    }
  });

  it('counts a word as a word, not as random letters: two words are not strong', () => {
    for (const text of ['kimalainen lyhty', 'fyrtorn kanelbulle', 'battery staple']) {
      expect(estimateStrength(text).score, text).toBeLessThanOrEqual(1);
      expect(estimateStrength(text).hints, text).toContain('longer');
    }
  });

  it('rates a long random string of mixed characters as very strong', () => {
    expect(estimateStrength('Tx9#mK2$vL8@qR4!').score).toBe(4);
  });

  it('never lowers the score when a random word is added', () => {
    const base = 'lyhty purje';
    const longer = `${base} kimalainen`;
    expect(estimateStrength(longer).score).toBeGreaterThanOrEqual(estimateStrength(base).score);
  });

  it('suggests a longer passphrase while the score is below strong', () => {
    const result = estimateStrength('Koira2024Kissa');
    expect(result.score).toBeLessThan(3);
    expect(result.hints).toContain('longer');
  });

  it('stays quick on the longest passphrase the vault accepts', () => {
    const started = performance.now();
    estimateStrength('ab1!'.repeat(256));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
