import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { bundles } from '@shared/i18n/bundles';
import { progressFixture } from '@shared/testing/assessment-fixture';
import { AssessmentProgress } from './AssessmentProgress';

const i18n = createInstance();
void i18n.use(initReactI18next).init({
  resources: { fi: { translation: bundles.fi }, en: { translation: bundles.en } },
  lng: 'fi',
  initAsync: false,
});

const render = (list: ReturnType<typeof progressFixture>) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n, children: createElement(AssessmentProgress, list) }));

/** What a reader sees of an element's content: tags gone, white space folded. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the progress picture in the file', () => {
  const html = render(progressFixture());

  it('draws a named picture whose bars carry the numbers of the table below it', () => {
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toContain('<title');
    expect(html).toContain('Edistyminen osa-alueittain');
    const bars = [...html.matchAll(/data-domain="(\w+)" data-stage="(\w+)" data-rater="(\w+)" data-value="(\d+)"/g)].map((m) =>
      m.slice(1).join(' '),
    );
    const cells = [...html.matchAll(/<tr data-domain="(\w+)" data-rater="(\w+)">(.*?)<\/tr>/g)].flatMap(
      ([, domain, rater, row]) =>
        [...row!.matchAll(/data-stage="(\w+)" data-value="(\d+)"/g)].map(
          ([, stage, value]) => `${domain} ${stage} ${rater} ${value}`,
        ),
    );
    expect(bars).toHaveLength(7);
    expect([...cells].sort()).toEqual([...bars].sort());
  });

  it('has a table with a caption, the recorded stages as column headers and the rater in words by the domain', () => {
    const table = html.slice(html.indexOf('<table'));
    const captionId = /<caption id="([^"]+)">Taso osa-alueittain ja arviointivaiheittain<\/caption>/.exec(table)?.[1];
    // The table scrolls sideways in a narrow column, in a region named by the caption that the keyboard can reach.
    expect(html).toContain(`role="region" aria-labelledby="${captionId}" tabindex="0"`);
    expect(words(table.slice(0, table.indexOf('</thead>')))).toBe(
      'Taso osa-alueittain ja arviointivaiheittain Osa-alue Alkukartoitus Loppuarviointi',
    );
    expect(table).toContain('<th scope="row">Suomen kieli<span class="progress-rater">Ohjaajan arvio</span></th>');
    expect(words(table)).toContain(
      'Itseluottamus ja luottamus Osallistujan oma arvio 2 v1 fi 38 % · 2 kysymystä 4 v2 fi 88 % · 2 kysymystä',
    );
    expect(words(table)).toContain('Työnhakutaidot Ei arvioitu Ei arvioitu');
  });

  it('says in one sentence that there is nothing to show before the first assessment', () => {
    expect(render({ assessments: [], instruments: [] })).toBe(
      '<p class="detail-empty">Arviointeja ei ole vielä kirjattu, joten edistymistä ei voi vielä näyttää.</p>',
    );
  });
});
