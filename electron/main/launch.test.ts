import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminSettingPath, debuggingSwitches, packagedStart, readAdminSetting } from './launch';

describe('the debugging switches an installed Polku refuses', () => {
  it("are Chromium's remote debugging and Node's inspector, in the command line or NODE_OPTIONS", () => {
    expect(
      debuggingSwitches(
        ['/opt/Polku/polku', '--remote-debugging-pipe', '--lang=fi', '--inspect-brk=9229'],
        { NODE_OPTIONS: '--max-old-space-size=4096 --inspect' },
        'linux',
      ),
    ).toEqual(['--remote-debugging-pipe', '--inspect-brk=9229', '--inspect']);
  });

  it('are found however Chromium would read them: one dash, any case, a slash on Windows', () => {
    expect(debuggingSwitches(['-Remote-Debugging-Port=1'], {}, 'linux')).toEqual(['-Remote-Debugging-Port=1']);
    expect(debuggingSwitches(['/remote-debugging-port=1'], {}, 'win32')).toEqual(['/remote-debugging-port=1']);
  });

  it('leave ordinary arguments alone, a file path that merely contains the word included', () => {
    expect(debuggingSwitches(['/opt/Polku/polku', '/home/a/inspect', '--no-sandbox', '-psn_0_1234'], {}, 'linux')).toEqual([]);
  });
});

describe("the administrator's data-folder setting", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-launch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives in the machine-wide configuration folder of each system', () => {
    expect(adminSettingPath('linux', {})).toBe('/etc/polku/data-dir');
    expect(adminSettingPath('darwin', {})).toBe('/Library/Application Support/Polku/data-dir');
    expect(adminSettingPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Polku\\data-dir');
  });

  it('is no setting when the file is missing', () => {
    expect(readAdminSetting(join(dir, 'data-dir'), 'linux')).toEqual({ kind: 'none' });
  });

  it('is refused on Linux and macOS when the file is not root’s alone, so a user cannot point Polku elsewhere', () => {
    const path = join(dir, 'data-dir');
    writeFileSync(path, '/srv/polku\n');
    chmodSync(path, 0o666);
    expect(readAdminSetting(path, 'linux')).toMatchObject({ kind: 'refused' });
    if (process.getuid?.() !== 0) {
      chmodSync(path, 0o644);
      expect(readAdminSetting(path, 'darwin')).toMatchObject({ kind: 'refused' });
    }
  });

  it('names one absolute folder, and refuses anything else', () => {
    const path = join(dir, 'data-dir');
    writeFileSync(path, 'D:\\Polku\r\n');
    expect(readAdminSetting(path, 'win32')).toEqual({ kind: 'dataDir', dir: 'D:\\Polku' });
    for (const wrong of ['polku', 'D:\\Polku\\..\\Users\\a']) {
      writeFileSync(path, `${wrong}\n`);
      expect(readAdminSetting(path, 'win32')).toMatchObject({ kind: 'refused' });
    }
  });
});

describe('starting an installed Polku', () => {
  const base = { argv: ['/opt/Polku/polku'], env: {}, platform: 'linux' as const, userDataPath: '/home/a/.config/Polku' };

  it("opens the administrator's folder when one is set, else the system's own", () => {
    expect(packagedStart({ ...base, adminSetting: { kind: 'dataDir', dir: '/srv/polku' } })).toEqual({
      ok: true,
      dataDir: '/srv/polku',
    });
    expect(packagedStart({ ...base, adminSetting: { kind: 'none' } })).toEqual({ ok: true, dataDir: '/home/a/.config/Polku' });
  });

  it('does not start on a refused setting, nor on a data folder asked for by the command line, saying where to set it', () => {
    expect(packagedStart({ ...base, adminSetting: { kind: 'refused', reason: 'x' } })).toMatchObject({ ok: false });
    const asked = packagedStart({ ...base, argv: [...base.argv, '--data-dir=/tmp/x'], adminSetting: { kind: 'none' } });
    expect(asked).toEqual({ ok: false, message: expect.stringContaining('/etc/polku/data-dir') });
  });
});
