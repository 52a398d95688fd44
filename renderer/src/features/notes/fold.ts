/**
 * Long notes fold in the list so that a tab of notes stays readable: a note of more than FOLD_LINES lines or
 * FOLD_CHARS characters shows its beginning, and "show more" opens the rest. The beginning shown is clearly
 * shorter than the limit, so that unfolding always reveals a good part of the note.
 */

export const FOLD_LINES = 6;
export const FOLD_CHARS = 600;
/** How much of a folded note shows. */
const SHOWN_LINES = 4;
const SHOWN_CHARS = 400;

/** The beginning of a note that folds, ending in "…"; null when the note is short enough to show whole. */
export function foldedText(text: string): string | null {
  const lines = text.split('\n');
  if (lines.length <= FOLD_LINES && text.length <= FOLD_CHARS) return null;
  let shown = lines.slice(0, SHOWN_LINES).join('\n');
  if (shown.length > SHOWN_CHARS) {
    const cut = shown.slice(0, SHOWN_CHARS);
    // End at a word's end where there is one in the last part, not in the middle of a word.
    const space = cut.search(/\s\S*$/u);
    shown = space > SHOWN_CHARS / 2 ? cut.slice(0, space) : cut;
  }
  return `${shown.trimEnd()}…`;
}
