import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { bundles } from '@shared/i18n/bundles';
import { retentionDetailText } from './auditDetail';

function translator(locale: keyof typeof bundles) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [locale]: { translation: bundles[locale] } }, lng: locale, initAsync: false });
  return instance.t;
}
const t = translator('en');
const fi = translator('fi');

describe('erasure and retention in the audit view', () => {
  it('count the rows a deleted file had, without naming anything in it', () => {
    expect(retentionDetailText(t, 'participants.delete', 'consents:2,notes:3,participants:1')).toBe('6 records removed');
    expect(retentionDetailText(fi, 'participants.delete', 'participants:1')).toBe('1 tieto poistettu');
  });

  it('count the files of a retention run and put the rule in words', () => {
    expect(retentionDetailText(t, 'retention.erase', 'erased:2')).toBe('2 files deleted');
    expect(retentionDetailText(t, 'retention.set', 'years:1')).toBe('Closed files kept 1 year');
    expect(retentionDetailText(t, 'retention.set', 'years:0')).toBe('Closed files kept until deleted by hand');
  });

  it('leave other details to the general rules', () => {
    expect(retentionDetailText(t, 'participants.delete', 'something else')).toBeNull();
    expect(retentionDetailText(t, 'participants.update', 'notes:1')).toBeNull();
    expect(retentionDetailText(t, 'retention.erase', 'erased:x')).toBeNull();
  });
});
