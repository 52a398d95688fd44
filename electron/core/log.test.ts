import { afterEach, describe, expect, it, vi } from 'vitest';
import { logEvent } from './log';

function logged(error: unknown): string {
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  logEvent('internal-error', { channel: 'notes.create', error });
  const line = String(write.mock.calls[0]?.[0]);
  write.mockRestore();
  return line;
}

function errorThrownAt(frame: string): Error {
  const error = new TypeError('Cannot read Maija Meikäläinen');
  error.stack = `TypeError: Cannot read Maija Meikäläinen\n    ${frame}\n    at next (/home/other/x.js:1:1)`;
  return error;
}

afterEach(() => vi.restoreAllMocks());

describe('a log line about an error', () => {
  it('names the error class and where it was thrown by file name and line, never the folder with the OS user name', () => {
    const line = logged(errorThrownAt('at insertNote (/home/maija.virtanen/polku/out/main/index.js:4123:17)'));
    expect(line).toBe('polku internal-error channel=notes.create error=TypeError index.js:4123\n');
  });

  it('keeps a Windows path to its file name too', () => {
    const line = logged(
      errorThrownAt(
        'at C:\\Users\\maija.virtanen\\AppData\\Local\\Programs\\Polku\\resources\\app.asar\\out\\main\\index.js:88:3',
      ),
    );
    expect(line).toBe('polku internal-error channel=notes.create error=TypeError index.js:88\n');
  });

  it('keeps a file URL to its file name', () => {
    const line = logged(errorThrownAt('at async run (file:///home/maija.virtanen/polku/electron/core/notes/repo.ts:12:5)'));
    expect(line).toBe('polku internal-error channel=notes.create error=TypeError repo.ts:12\n');
  });

  it('adds the error code of a system error, and never the message', () => {
    const error = Object.assign(errorThrownAt('at open (node:fs:573:11)'), { code: 'EACCES' });
    const line = logged(error);
    expect(line).toBe('polku internal-error channel=notes.create error=TypeError EACCES fs:573\n');
    expect(line).not.toContain('Maija');
  });

  it('leaves the place out when the frame names no file', () => {
    expect(logged(errorThrownAt('at new Promise (<anonymous>)'))).toBe(
      'polku internal-error channel=notes.create error=TypeError\n',
    );
  });

  it('names only the type of something thrown that is not an error', () => {
    expect(logged('/home/maija.virtanen/secret')).toBe('polku internal-error channel=notes.create error=string\n');
  });
});

describe('a log line about audit records a full disk kept out', () => {
  it('gives their number only', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    logEvent('audit-not-recorded', { channel: 'vault.lock', count: 2 });
    expect(String(write.mock.calls[0]?.[0])).toBe('polku audit-not-recorded channel=vault.lock count=2\n');
  });
});
