/**
 * HTML built so that no value can become markup: every value put into a template is escaped unless it is
 * already `Html` made by the same means. The printed document has no scripts, but a name like `<b>` must still
 * print as the five characters typed.
 */
import { escapeMarkup } from '@shared/markup';

/** Markup made by `html` (or `HtmlBuilder`); only this passes into a document unescaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template takes: text (escaped), numbers, markup, lists of these; null, undefined and false print nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

/** Text as HTML character data or attribute value: `& < > " '` become entities (one rule with the charts'). */
export const escapeHtml = escapeMarkup;

/** A tagged template for HTML whose text values pass through `transform` (e.g. name removal) and are escaped. */
export type HtmlTag = (strings: TemplateStringsArray, ...values: HtmlValue[]) => Html;

/** The `html` tag with a transform of every text value before escaping. */
export function htmlTag(transform: (text: string) => string = (text) => text): HtmlTag {
  const render = (value: HtmlValue): string => {
    if (value instanceof Html) return value.value;
    if (value === null || value === undefined || value === false) return '';
    if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
    return escapeHtml(transform(String(value)));
  };
  return (strings, ...values) => {
    let out = strings[0] ?? '';
    values.forEach((value, index) => {
      out += render(value) + (strings[index + 1] ?? '');
    });
    return new Html(out);
  };
}

/** The plain `html` tag: values escaped as they are. */
export const html: HtmlTag = htmlTag();
