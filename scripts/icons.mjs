// `node scripts/icons.mjs`: renders Polku's icon (resources/icon.svg) to the files packaging needs, in resources/:
// the Linux PNG set (icons/<n>x<n>.png, also the window's icon), icon.ico for Windows and icon.icns for macOS.
// The generated files are committed, so `npm run dist` needs nothing of this; run it again after changing the SVG.
//
// The SVG is drawn by the Chromium the tests use (/usr/bin/chromium, or POLKU_CHROMIUM) through playwright-core,
// with a transparent background. ICO and ICNS are written here: both are a small index of embedded PNG images.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resources = join(root, 'resources');

/** The Linux set (electron-builder takes the folder), from the smallest menu icon to the largest launcher one. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** What a Windows .ico holds (256 is the largest the format names). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** The ICNS types with PNG content, and the pixel size of each. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** An ICO file: a 6-byte header, one 16-byte entry an image, then the PNGs (a width or height of 256 is written 0). */
export function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** An ICNS file: 'icns' and the total length, then each image as its type, its length (with this 8-byte head) and the PNG. */
export function icnsOf(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function render(svg, sizes) {
  const browser = await chromium.launch({ executablePath: process.env.POLKU_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
  const pngs = await render(svg, PNG_SIZES);
  mkdirSync(join(resources, 'icons'), { recursive: true });
  for (const size of PNG_SIZES) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), pngs.get(size));
  writeFileSync(join(resources, 'icon.ico'), icoOf(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(resources, 'icon.icns'), icnsOf(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  console.log(`icons written to ${resources}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
