/**
 * The one escaping rule for markup Polku writes as text: a printed document's HTML (electron/core/print/html.ts)
 * and a chart's SVG (shared/charts/markup.ts).
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML or SVG character data or attribute value: `& < > " '` become entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
