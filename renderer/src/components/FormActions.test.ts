import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { failure } from '@shared/errors';
import { bundles } from '@shared/i18n/bundles';
import { FormActions } from './FormActions';

const i18n = createInstance();
void i18n.use(initReactI18next).init({ resources: { en: { translation: bundles.en } }, lng: 'en', initAsync: false });

const render = (props: Parameters<typeof FormActions>[0]) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(FormActions, props)));

describe('the form actions', () => {
  it('says the refusal of the last send in words, above Save and Cancel', () => {
    const html = render({ submitLabel: 'Save', busy: false, failure: failure('forbidden'), onCancel: () => undefined });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your role does not allow this. Ask the coordinator if you need it.');
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('>Save<'));
    expect(html).toContain('type="submit"');
    expect(html).toContain('>Cancel<');
  });

  it('announces the work while busy and keeps the submit button focusable but marked unavailable', () => {
    const html = render({ submitLabel: 'Save', busy: true, working: 'Saving the note…' });
    expect(html).toContain('Saving the note…');
    expect(html).toContain('aria-disabled="true"');
    expect(html).not.toContain('disabled=""');
    expect(html).not.toContain('>Cancel<');
  });

  it('has a red submit button for a step that takes something away', () => {
    expect(render({ submitLabel: 'Remove', busy: false, destructive: true })).toContain('button button-danger');
  });

  it('leaves the submit button out while another choice stands in for it, and keeps Cancel', () => {
    const html = render({ submitLabel: 'Create', busy: false, withoutSubmit: true, onCancel: () => undefined });
    expect(html).not.toContain('type="submit"');
    expect(html).not.toContain('>Create<');
    expect(html).toContain('>Cancel<');
  });

  it('adds the class a long form gives its save bar to the row of buttons', () => {
    expect(render({ submitLabel: 'Save', busy: false, className: 'form-actions' })).toContain('class="actions form-actions"');
    expect(render({ submitLabel: 'Save', busy: false })).toContain('class="actions"');
  });
});
