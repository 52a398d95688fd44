/**
 * The SVG tree of a chart (./model.ts) written as markup text, every attribute and text escaped: what a printed
 * document puts in its page (electron/core/print/chart-svg.ts). The screen draws the same tree as React elements.
 */
import { escapeMarkup } from '../markup';
import { chartTree, type ChartModel, type SvgNode } from './model';

/** One node and its children as markup. */
export function svgMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`)
    .join('');
  const inner = (node.text !== undefined ? escapeMarkup(node.text) : '') + (node.children ?? []).map(svgMarkup).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** A chart as `<svg>` markup; `idPrefix` must be unique within the document. */
export function chartMarkup(model: ChartModel, idPrefix: string): string {
  return svgMarkup(chartTree(model, idPrefix));
}
