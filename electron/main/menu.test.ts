import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { LOCALES } from '@shared/locales';
import { failure } from '@shared/errors';
import type { Core } from '../core/types';
import { installLocalizedMenu, LOCK_ACCELERATOR, menuTemplate, type MenuOptions } from './menu';
import { MENU_LABELS, menuLabels } from './menu-labels';
import { Menu, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function template(overrides: Partial<MenuOptions> = {}): MenuItemConstructorOptions[] {
  return menuTemplate({ labels: MENU_LABELS.fi, isPackaged: true, platform: 'linux', onLock: vi.fn(), ...overrides });
}

describe('the application menu', () => {
  it('locks the vault from Lock, on Ctrl/Cmd+L', () => {
    const onLock = vi.fn();
    const lock = items(template({ onLock })).find((item) => item.id === 'lock');
    expect(lock?.accelerator).toBe(LOCK_ACCELERATOR);
    expect(LOCK_ACCELERATOR).toBe('CmdOrCtrl+L');
    lock?.click?.({} as never, undefined, {} as never);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('has no DevTools and no reload when packaged', () => {
    const roles = items(template({ isPackaged: true })).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
  });

  it('offers DevTools in development', () => {
    expect(items(template({ isPackaged: false })).map((item) => item.role)).toContain('toggleDevTools');
  });

  it('has no help menu and nothing that opens the web', () => {
    const all = items(template({ isPackaged: false }));
    expect(all.map((item) => item.role)).not.toContain('help');
    expect(all.map((item) => item.role)).not.toContain('about');
    expect(all.map((item) => item.label)).not.toContain('Help');
    expect(JSON.stringify(all)).not.toMatch(/https?:|openExternal/);
  });

  it('labels every item in the chosen language', () => {
    const labels = items(template({ labels: MENU_LABELS.sv }))
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label);
    expect(labels).toContain('Lås');
    expect(labels).toContain('Avsluta');
    expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
  });

  it('names the first menu after the app on macOS and "File" elsewhere', () => {
    expect(template({ platform: 'darwin' })[0]?.label).toBe('Polku');
    expect(template({ platform: 'win32', labels: MENU_LABELS.en })[0]?.label).toBe('File');
  });
});

describe('menu labels', () => {
  it('exist in every interface language, for every item', () => {
    const keys = Object.keys(MENU_LABELS.fi).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(MENU_LABELS[locale]).sort(), locale).toEqual(keys);
      expect(
        Object.values(MENU_LABELS[locale]).every((label) => label.trim().length > 0),
        locale,
      ).toBe(true);
    }
  });

  it('fall back to Finnish for anything that is not a locale of ours', () => {
    expect(menuLabels('en')).toBe(MENU_LABELS.en);
    expect(menuLabels('de')).toBe(MENU_LABELS.fi);
    expect(menuLabels(undefined)).toBe(MENU_LABELS.fi);
  });
});

describe('the localized menu', () => {
  function coreReporting(status: Awaited<ReturnType<Core['dispatch']>>) {
    return { dispatch: vi.fn(() => Promise.resolve(status)), lock: vi.fn() };
  }

  function installedTemplate(): MenuItemConstructorOptions[] {
    const built = Menu.buildFromTemplate.mock.results.at(-1)?.value as { template: MenuItemConstructorOptions[] } | undefined;
    if (!built) throw new Error('no menu was built');
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(built);
    return built.template;
  }

  it("is in the language of the vault's status", async () => {
    const core = coreReporting({ ok: true, value: { state: 'locked', locale: 'sv' } });
    await installLocalizedMenu(core, { isPackaged: true, platform: 'linux' });
    expect(core.dispatch).toHaveBeenCalledWith('vault.status', {}, { trustedSender: true });
    expect(installedTemplate()[0]?.label).toBe('Arkiv');
  });

  it('is in Finnish when the status cannot be read', async () => {
    await installLocalizedMenu(coreReporting(failure('internal')), { isPackaged: true, platform: 'linux' });
    expect(installedTemplate()[0]?.label).toBe('Tiedosto');
  });

  it('locks the core by hand from Lock', async () => {
    const core = coreReporting({ ok: true, value: { locale: 'fi' } });
    await installLocalizedMenu(core, { isPackaged: true, platform: 'linux' });
    items(installedTemplate())
      .find((item) => item.id === 'lock')
      ?.click?.({} as never, undefined, {} as never);
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('manual');
  });
});
