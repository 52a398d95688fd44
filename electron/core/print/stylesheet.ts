/**
 * The print stylesheet: one constant, put inline in every printed document. Constant so that its hash can be
 * allowed by name in the interface's Content-Security-Policy (electron/core/static/serve.ts), where the preview
 * shows the document in a sandboxed frame that inherits that policy; serve.test.ts checks the two agree.
 * What differs per document (the words in the page margins) is in page-margins.ts, used for printing only.
 */
import { createHash } from 'node:crypto';

export const PRINT_STYLESHEET = `
@page { size: A4; margin: 20mm 16mm 18mm 16mm; }
@page {
  @top-left { font: bold 9pt "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #9b1c1c; letter-spacing: 0.06em; }
  @top-right { font: 9pt "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #333; }
  @bottom-left { font: 8pt "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #444; }
  @bottom-right { font: 8pt "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #444; }
}
html { font: 10pt/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff; }
body { margin: 0; }
.doc-confidential { display: none; margin: 0 0 3mm; font-weight: bold; color: #9b1c1c; letter-spacing: 0.06em; }
@media screen {
  body { max-width: 178mm; margin: 0 auto; padding: 8mm 6mm 16mm; }
  .doc-confidential { display: block; }
}
.doc-header { border-bottom: 1.5pt solid #111; padding-bottom: 3mm; margin-bottom: 4mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.doc-subject { font-size: 13pt; margin: 0 0 1.5mm; }
.doc-subject .code { font-weight: bold; }
.doc-meta, .doc-mode { margin: 0; color: #333; }
.doc-mode { font-style: italic; }
h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 0.75pt solid #888; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.print-section { break-before: auto; }
.banner { border: 2pt solid #9b1c1c; border-radius: 2mm; padding: 2mm 4mm 1mm; margin: 0 0 5mm; break-inside: avoid; }
.banner h2 { color: #9b1c1c; border: 0; margin: 0 0 1.5mm; padding: 0; font-size: 11pt; }
.banner ul { margin: 0 0 1.5mm; padding-left: 5mm; }
dl.facts { display: grid; grid-template-columns: 58mm 1fr; gap: 1mm 4mm; margin: 0 0 2mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.entry { margin: 0 0 4mm; padding: 0 0 2mm; border-bottom: 0.5pt solid #ccc; }
.entry-head { font-weight: bold; margin: 0 0 0.5mm; break-after: avoid; }
.entry-meta { color: #444; font-size: 9pt; margin: 0 0 1mm; break-after: avoid; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 1mm; }
.muted { color: #555; }
.private { border-left: 2pt solid #5b3a8c; padding-left: 3mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm 1.2mm 0; border-bottom: 0.5pt solid #bbb; }
thead th { font-size: 9pt; border-bottom: 1pt solid #555; }
tr { break-inside: avoid; }
.col-when { width: 34mm; }
.col-by { width: 36mm; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12mm; margin: 12mm 0 4mm; break-inside: avoid; }
.signature { padding-top: 16mm; }
.signature-line { border-top: 1pt solid #111; padding-top: 1mm; font-size: 9pt; }
.letter-from { font-size: 11pt; font-weight: bold; margin: 0 0 3mm; }
.letter-confidential { margin: 8mm 0 0; padding-top: 2mm; border-top: 0.5pt solid #888; font-size: 9pt; color: #333; }
.plan-target { font-size: 12pt; font-weight: bold; margin: 0 0 1.5mm; }
.plan-goal table { margin-top: 1mm; }
.plan-sign { break-inside: avoid; }
.report-table th.num, .report-table td.num { text-align: right; padding: 1.2mm 0 1.2mm 2mm; width: 19mm; }
.report-table .col-code { width: 17mm; white-space: nowrap; font-size: 9pt; }
.report-table tr.within .row-label { padding-left: 5mm; }
.report-chart { margin: 1mm 0 4mm; break-inside: avoid; }
.report-chart svg { max-width: 100%; height: auto; }
.report-section { break-inside: avoid; }
.report-footer { margin: 8mm 0 0; padding-top: 2mm; border-top: 0.5pt solid #888; font-size: 9pt; color: #333; break-inside: avoid; }
`;

/** The CSP source that allows exactly this stylesheet: `'sha256-…'`. */
export const PRINT_STYLESHEET_SOURCE = `'sha256-${createHash('sha256').update(PRINT_STYLESHEET).digest('base64')}'`;
