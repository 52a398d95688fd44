import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { bundles } from '@shared/i18n/bundles';
import { isOneOf, translateKey } from './keys';

const i18n = createInstance();
void i18n.init({ resources: { en: { translation: bundles.en } }, lng: 'en', initAsync: false });

describe('translation keys', () => {
  it('are checked by the compiler: a key no catalogue has does not type-check', () => {
    // @ts-expect-error the key is in no catalogue; without this error the keys are no longer typed
    expect(i18n.t('no.such.key')).toBe('no.such.key');
    expect(i18n.t('menu.lock')).toBe('Lock');
  });

  it('that arrive as data are translated like written ones', () => {
    const fromMainSide: string = 'errors.locked';
    expect(translateKey(i18n.t, fromMainSide)).toBe(i18n.t('errors.locked'));
    expect(translateKey(i18n.t, 'attendance.refused', { reason: 'x' })).toContain('x');
  });

  it('built from a code are known only when the code is one of the list', () => {
    const roles = ['coordinator', 'coach'] as const;
    expect(isOneOf(roles, 'coach')).toBe(true);
    expect(isOneOf(roles, 'hacker')).toBe(false);
  });
});
