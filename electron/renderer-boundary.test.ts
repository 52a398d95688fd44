import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/u.test(entry.name) ? [path] : [];
  });
}

describe('the main side', () => {
  it('reads nothing from the renderer’s folder: shared words and days live in shared/', () => {
    const files = sources(__dirname);
    expect(files.length).toBeGreaterThan(50);
    const reaching = files.filter((file) => /from\s+'[^']*renderer\//u.test(readFileSync(file, 'utf8')));
    expect(reaching).toEqual([]);
  });
});
