/** A search snippet as plain pieces of text, each marked (a matched word) or not; rendered as text, never as HTML. */
import { MATCH_END, MATCH_START } from '@shared/search';

export interface SnippetPiece {
  text: string;
  marked: boolean;
}

/** Splits a snippet at its MATCH_START / MATCH_END markers; stray or unbalanced markers are dropped. */
export function snippetPieces(snippet: string): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  let marked = false;
  let text = '';
  const push = () => {
    if (text !== '') pieces.push({ text, marked });
    text = '';
  };
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      push();
      marked = char === MATCH_START;
    } else text += char;
  }
  push();
  return pieces;
}
