/**
 * Polku's own files for packaging (resources/): every one electron-builder.yml names exists, the icons are real
 * ICO and ICNS containers of PNGs of the sizes they claim, the Linux desktop entry says only the name, and the
 * window's icon is found where the app looks for it, in development and packaged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowIconPath } from '../../electron/main/paths';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path));
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const configText = read('electron-builder.yml').toString('utf8');
const config = yaml.load(configText) as {
  directories: { buildResources: string };
  extraResources: { from: string; to: string }[];
  linux: { icon: string; description: string; synopsis: string; desktop: { entry: Record<string, string> } };
};

/** Words that would tell an onlooker what kind of organisation uses the app, in the three languages. */
const REVEALING =
  /victim|uhri|offer|exploit|hyväksikä|utnytt|traffick|ihmiskaup|människohandel|labou?r|työperäi|psycholog|psykolog|coach|valmennu|case|asiakas|klient|survivor|trauma|refugee|pakolai|flykting|migrant|maahanmuutt|NGO|järjestö|förening/i;

/** Width and height of a PNG, from its IHDR chunk; throws unless it is a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("Polku's own packaging files (resources/)", () => {
  it('has every file electron-builder.yml names under resources/, and the build resources are that folder', () => {
    expect(config.directories.buildResources).toBe('resources');
    const settings = configText.replace(/(^|\s)#.*$/gm, '');
    const named = [...settings.matchAll(/resources\/[\w./-]+/g)].map(([path]) => path);
    expect(new Set(named)).toEqual(
      new Set([
        'resources/icons',
        'resources/icons/512x512.png',
        'resources/icon.ico',
        'resources/icon.icns',
        'resources/installer/notice.txt',
      ]),
    );
    for (const path of named) expect(existsSync(join(root, path)), path).toBe(true);
    expect(config.linux.icon).toBe('resources/icons');
  });

  it('has the Linux icon set, each PNG of the size its name says', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(read(`resources/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('has a Windows icon: an ICO whose entries are PNGs of the sizes they claim, up to 256', () => {
    const ico = read('resources/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const claimed = ico.readUInt8(entry) || 256;
      const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: claimed, height: claimed });
      sizes.push(claimed);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS icon: an ICNS whose chunks are PNGs of the sizes their types mean', () => {
    const icns = read('resources/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const pixels: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.subarray(offset, offset + 4).toString('ascii');
      const length = icns.readUInt32BE(offset + 4);
      const size = pixels[type];
      expect(size, type).toBeDefined();
      expect(pngSize(icns.subarray(offset + 8, offset + length))).toEqual({ width: size, height: size });
      types.push(type);
      offset += length;
    }
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('has a Linux desktop entry named Polku that says nothing of who uses it, the same as the one packed', () => {
    const desktop = read('resources/linux/polku.desktop').toString('utf8');
    const fields = Object.fromEntries(
      desktop
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(desktop.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(fields).toMatchObject({ Type: 'Application', Name: 'Polku', Comment: 'Polku', Icon: 'polku' });
    expect(desktop).not.toMatch(REVEALING);
    for (const [key, value] of Object.entries(config.linux.desktop.entry)) expect(fields[key], key).toBe(value);
    expect([config.linux.description, config.linux.synopsis]).toEqual(['Polku', 'Polku']);
  });

  it("keeps the installer's text and the build configuration discreet", () => {
    expect(read('resources/installer/notice.txt').toString('utf8')).not.toMatch(REVEALING);
    expect(read('resources/icon.svg').toString('utf8')).not.toMatch(/<text/);
    expect(configText.replace(/^\s*#.*$/gm, '')).not.toMatch(REVEALING);
  });

  it("finds the window's icon in development and in the packaged layout that electron-builder.yml makes", () => {
    expect(existsSync(windowIconPath({ isPackaged: false, appPath: root, resourcesPath: '/unused' }))).toBe(true);
    const packed = config.extraResources.find((entry) => entry.to === 'icons/polku.png');
    expect(packed && existsSync(join(root, packed.from))).toBe(true);
    expect(windowIconPath({ isPackaged: true, appPath: '/r/app.asar', resourcesPath: '/r' })).toBe(join('/r', packed?.to ?? ''));
    expect(pngSize(read(packed?.from ?? ''))).toEqual({ width: 512, height: 512 });
  });
});
