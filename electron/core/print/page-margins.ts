/**
 * What every printed page carries in its margins: the confidentiality mark at the top left and the document's
 * own words at the top right (the case summary: the participant's code), its words at the bottom left (who
 * printed it and when, or the date) and "page X / Y" at the bottom right. These are CSS page-margin boxes, which only exist
 * in print, so this stylesheet goes into the document that is printed and not into the preview.
 */
import { createHash } from 'node:crypto';
import type { PrintText } from './labels';

/**
 * Text as a CSS string: every character but letters, digits and a few marks that cannot end it becomes a hex escape, so
 * nothing typed (a quote, a backslash, `</style>`) can end the string or the stylesheet.
 */
export function cssString(text: string): string {
  let out = '';
  for (const char of text) {
    out += /^[\p{L}\p{N} .,:/–-]$/u.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `"${out}"`;
}

/** The page-number text as CSS content: the wording around `counter(page)` and `counter(pages)`. */
function pageNumberContent(text: PrintText): string {
  const parts = text.t('print.pageNumber', { page: '\u0000page\u0000', pages: '\u0000pages\u0000' }).split('\u0000');
  return parts
    .map((part, index) => (index % 2 === 1 ? `counter(${part === 'pages' ? 'pages' : 'page'})` : part && cssString(part)))
    .filter(Boolean)
    .join(' ');
}

export interface PageMarginWords {
  /**
   * At the top left: the confidentiality mark when left out; null leaves it empty (a report of counts only, sent to
   * a funder, holds nothing confidential about anyone).
   */
  topLeft?: string | null;
  /**
   * At the top right, e.g. the participant's code on a case summary, so that a loose page is matched to its file;
   * null leaves it empty (a letter leaving the agency carries no internal code).
   */
  topRight: string | null;
  /** At the bottom left: who printed it and when, or the date. */
  bottomLeft: string;
}

/** The per-document stylesheet of the page margins, and the CSP source that allows exactly it. */
export function pageMarginStyle(text: PrintText, words: PageMarginWords): { css: string; source: string } {
  const topLeft = words.topLeft === undefined ? text.t('print.confidential') : words.topLeft;
  const css = `@page {
${topLeft === null ? '' : `  @top-left { content: ${cssString(topLeft)}; }\n`}${words.topRight === null ? '' : `  @top-right { content: ${cssString(words.topRight)}; }\n`}  @bottom-left { content: ${cssString(words.bottomLeft)}; }
  @bottom-right { content: ${pageNumberContent(text)}; }
}`;
  return { css, source: `'sha256-${createHash('sha256').update(css).digest('base64')}'` };
}
