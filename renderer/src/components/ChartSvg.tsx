import { useId } from 'react';
import { chartTree, type ChartModel } from '@shared/charts/model';
import { toElement } from './chartElement';

/**
 * A chart drawn on screen from its model (shared/charts/model.ts): the same tree the print writes as markup, so
 * what is printed is what was seen. Scales to its container's width.
 */
export function ChartSvg({ model, className }: { model: ChartModel; className?: string }) {
  const idPrefix = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return <div className={className ?? 'chart'}>{toElement(chartTree(model, idPrefix))}</div>;
}
