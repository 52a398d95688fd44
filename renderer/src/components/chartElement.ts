import { createElement, type ReactElement } from 'react';
import type { SvgNode } from '@shared/charts/model';

/** SVG attribute names React spells in camelCase; `data-*`, `aria-*` and one-word names pass as they are. */
function reactName(name: string): string {
  if (name.startsWith('data-') || name.startsWith('aria-')) return name;
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The SVG tree as React elements (exported for the test that holds screen and print to one picture). */
export function toElement(node: SvgNode, key?: number): ReactElement {
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(node.attrs)) props[reactName(name)] = value;
  if (key !== undefined) props.key = key;
  const children = [...(node.text !== undefined ? [node.text] : []), ...(node.children ?? []).map((c, i) => toElement(c, i))];
  return createElement(node.tag, props, ...children);
}
