/**
 * A chart (shared/charts/model.ts) in a printed document: the same SVG tree the screen draws, as escaped markup.
 * The print window runs no script, so the picture is static markup.
 */
import type { ChartModel } from '@shared/charts/model';
import { chartMarkup } from '@shared/charts/markup';
import { Html } from './html';

/** The chart as `<svg>` markup; `idPrefix` must be unique within the document. */
export function chartSvg(model: ChartModel, idPrefix: string): Html {
  return new Html(chartMarkup(model, idPrefix));
}
