/**
 * The case summary as one self-contained HTML document: no scripts, nothing fetched (its own Content-Security-
 * Policy allows only its stylesheets, by hash), every value escaped. The same document is previewed, saved as PDF
 * and printed; the printed one also carries the page-margin stylesheet (page-margins.ts).
 */
import type { Participant } from '@shared/participants';
import { escapeHtml, Html, type HtmlTag } from './html';
import type { PrintText } from './labels';
import { pageMarginStyle } from './page-margins';
import type { PrintSection } from './sections/section';
import { PRINT_STYLESHEET, PRINT_STYLESHEET_SOURCE } from './stylesheet';

export type DocumentMode = 'print' | 'preview';

export interface DocumentParts {
  text: PrintText;
  /** The document's html tag (with name removal when pseudonym-only). */
  html: HtmlTag;
  participant: Participant;
  pseudonymOnly: boolean;
  printedBy: string;
  printedAt: Date;
  /** The safety flags in force, or null when there are none. */
  banner: Html | null;
  sections: readonly { section: PrintSection; body: Html }[];
  mode: DocumentMode;
}

/** Lines for the participant's and the caseworker's signature, each with the name in print and place and date. */
export function signatureLines(html: HtmlTag, text: PrintText): Html {
  const line = (key: string) => html`<div class="signature"><div class="signature-line">${text.t(key)}</div></div>`;
  return html`<div class="signatures">
    <div>
      ${line('print.signatures.participant')}${line('print.signatures.nameInPrint')}${line('print.signatures.placeAndDate')}
    </div>
    <div>
      ${line('print.signatures.caseworker')}${line('print.signatures.nameInPrint')}${line('print.signatures.placeAndDate')}
    </div>
  </div>`;
}

function subject(html: HtmlTag, participant: Participant, pseudonymOnly: boolean): Html {
  const name = [participant.firstName, participant.lastName].filter(Boolean).join(' ');
  // The code is the one thing a pseudonym-only print identifies the participant by: never passed through name removal.
  const code = new Html(escapeHtml(participant.pseudonym));
  return html`<p class="doc-subject"><span class="code">${code}</span>${!pseudonymOnly && name ? html` · ${name}` : null}</p>`;
}

/** The whole document as HTML text. */
export function renderDocument(parts: DocumentParts): string {
  const { text, html, participant, pseudonymOnly } = parts;
  const printedBy = text.t('print.printedBy', { name: parts.printedBy, when: text.moment(parts.printedAt) });
  const margins =
    parts.mode === 'print' ? pageMarginStyle(text, { topRight: participant.pseudonym, bottomLeft: printedBy }) : null;
  const body = html`<header class="doc-header">
      <p class="doc-confidential">${text.t('print.confidential')}</p>
      <h1>${text.t('print.documentTitle')}</h1>
      ${subject(html, participant, pseudonymOnly)}
      <p class="doc-meta">${printedBy}</p>
      ${pseudonymOnly ? html`<p class="doc-mode">${text.t('print.pseudonymOnly')}</p>` : null}
    </header>
    ${parts.banner}${parts.sections.map(
      ({ section, body: content }) =>
        html`<section class="print-section" id="${new Html(escapeHtml(`section-${section.id}`))}">
          <h2>${text.t(`print.sections.${section.id}`)}</h2>
          ${content}${section.signatures ? signatureLines(html, text) : null}
        </section>`,
    )}`;
  return printDocument({ locale: text.locale, title: text.t('print.documentTitle'), body, margins });
}

/**
 * A printable document around its body: the print stylesheet inline and allowed by hash, nothing else allowed
 * (no scripts, nothing fetched), and with `margins` the page-margin stylesheet of a print.
 */
export function printDocument(parts: {
  locale: string;
  title: string;
  body: Html;
  margins?: { css: string; source: string } | null;
}): string {
  const { margins } = parts;
  const csp = `default-src 'none'; style-src ${PRINT_STYLESHEET_SOURCE}${margins ? ` ${margins.source}` : ''}`;
  return `<!doctype html>
<html lang="${escapeHtml(parts.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${PRINT_STYLESHEET}</style>${margins ? `\n<style>${margins.css}</style>` : ''}
</head>
<body>${parts.body.value}</body>
</html>
`;
}
