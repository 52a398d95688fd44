import { describe, expect, it } from 'vitest';
import { FOLD_CHARS, FOLD_LINES, foldedText } from './fold';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `Rivi ${i + 1}`).join('\n');

describe('folding a long note', () => {
  it('shows a note of up to six lines and 600 characters whole', () => {
    expect(foldedText(lines(FOLD_LINES))).toBeNull();
    expect(foldedText('a'.repeat(FOLD_CHARS))).toBeNull();
    expect(foldedText('')).toBeNull();
  });

  it('folds a note of seven lines to its first four', () => {
    expect(foldedText(lines(FOLD_LINES + 1))).toBe('Rivi 1\nRivi 2\nRivi 3\nRivi 4…');
  });

  it('folds one long paragraph at the end of a word, well before the limit', () => {
    const text = 'sana '.repeat(130).trim();
    expect(text.length).toBeGreaterThan(FOLD_CHARS);
    const folded = foldedText(text);
    expect(folded).not.toBeNull();
    expect(folded?.length).toBeLessThanOrEqual(401);
    expect(folded).toMatch(/ sana…$/u);
    expect(text.startsWith(folded?.slice(0, -1) ?? 'x')).toBe(true);
  });

  it('cuts a long run without spaces where it must', () => {
    expect(foldedText('x'.repeat(FOLD_CHARS + 1))).toBe(`${'x'.repeat(400)}…`);
  });
});
