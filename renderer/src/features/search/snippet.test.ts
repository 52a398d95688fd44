import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '@shared/search';
import { snippetPieces } from './snippet';

const S = MATCH_START;
const E = MATCH_END;

describe('a search snippet', () => {
  it('is split into plain and marked pieces at the markers', () => {
    expect(snippetPieces(`…alkaa ${S}Työ${E} ja ${S}haku${E}.`)).toEqual([
      { text: '…alkaa ', marked: false },
      { text: 'Työ', marked: true },
      { text: ' ja ', marked: false },
      { text: 'haku', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps markup in the text as text', () => {
    expect(snippetPieces(`<img src=x onerror=alert(1)> ${S}<b>${E}`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: '<b>', marked: true },
    ]);
  });

  it('survives unbalanced markers without losing text', () => {
    expect(snippetPieces(`a${E}b${S}c`)).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(snippetPieces('')).toEqual([]);
  });
});
