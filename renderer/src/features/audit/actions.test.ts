import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales';
import { bundles } from '@shared/i18n/bundles';
import { ACTION_GROUPS, actionChoices, actionLabel, KNOWN_ACTIONS } from './actions';

// The main side's own sources as text (tests excluded), read through the bundler rather than node:fs so that
// this file type-checks with the renderer's settings.
const mainSources = import.meta.glob<string>(['../../../../electron/**/*.ts', '!../../../../electron/**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Action names written to the audit log: `action: 'x.y'` in an audit record, and `xAudit('x.y', …)` where a
 * domain builds its records through a helper (notes).
 */
function auditedActions(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?:\baction:\s*|Audit\(\s*)'([a-z][A-Za-z]*\.[A-Za-z]+)'/g;
  for (const [file, source] of Object.entries(mainSources)) {
    for (const match of source.matchAll(pattern)) if (match[1]) found.set(match[1], file);
  }
  return found;
}

function translator(locale: string) {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [locale]: { translation: bundles[locale as keyof typeof bundles] } },
    lng: locale,
    initAsync: false,
  });
  return instance;
}

describe('the audit view’s action names', () => {
  it('finds the main side’s audit records to check (the search itself works)', () => {
    const actions = auditedActions();
    expect(Object.keys(mainSources).length).toBeGreaterThan(20);
    for (const known of ['participants.open', 'users.create', 'vault.unlock', 'notes.create', 'flags.set'])
      expect(actions.has(known), known).toBe(true);
  });

  it('list every action the main side writes to the audit log, so that none shows up untranslated', () => {
    const missing = [...auditedActions()].filter(([action]) => !KNOWN_ACTIONS.has(action)).map(([a, file]) => `${a} (${file})`);
    expect(missing, 'add these to ACTION_GROUPS in actions.ts and translate them').toEqual([]);
  });

  it('have a text in every locale for every listed action and group', () => {
    for (const locale of LOCALES) {
      const i18n = translator(locale);
      for (const action of KNOWN_ACTIONS) expect(i18n.exists(`audit.actions.${action}`), `${locale}: ${action}`).toBe(true);
      for (const group of Object.keys(ACTION_GROUPS))
        expect(i18n.exists(`audit.groups.${group}`), `${locale}: ${group}`).toBe(true);
    }
  });

  it('are told apart: no two actions share a text within a locale', () => {
    for (const locale of LOCALES) {
      const { t } = translator(locale);
      const labels = [...KNOWN_ACTIONS].map((action) => actionLabel(t, action));
      expect(new Set(labels).size, locale).toBe(labels.length);
    }
  });

  it('show a future or refused channel’s name as null, for the view to print its code', () => {
    const { t } = translator('en');
    expect(actionLabel(t, 'partners.create')).toBeNull();
    expect(actionLabel(t, 'participants.get')).toBeNull();
    expect(actionLabel(t, 'participants.open')).toBe('Opened a participant’s file');
  });

  it('word a failed unlock as an attempt, not as an unlock', () => {
    const { t } = translator('en');
    expect(actionLabel(t, 'vault.unlock', 'ok')).toBe('Unlocked Polku');
    expect(actionLabel(t, 'vault.unlock', 'failed')).toBe('Tried to unlock Polku');
  });

  it('offer every listed action once in the filter, under its group', () => {
    const { t } = translator('fi');
    const offered = actionChoices(t).flatMap((group) => group.actions.map((a) => a.value));
    expect(offered.sort()).toEqual([...KNOWN_ACTIONS].sort());
    expect(actionChoices(t).find((g) => g.group === 'notes')?.label).toBe('Ohjausmerkinnät');
  });
});
