import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KDF } from './kdf';
import { makeSlot, openSlot, readSlotFile, writeSlotFile, type KeySlot, type SlotFile } from './keyslots';

const vaultId = randomBytes(16).toString('hex');
const userId = randomBytes(16).toString('hex');
const masterKey = randomBytes(32);
const secret = Buffer.from('correct horse battery staple', 'utf8');

function slotFor(overrides: Partial<{ kind: 'passphrase' | 'recovery'; generation: number }> = {}): Promise<KeySlot> {
  return makeSlot(masterKey, secret, { kind: 'passphrase', userId, vaultId, generation: 1, kdf: TEST_KDF, ...overrides });
}

/** The same base64 field with one bit of its bytes flipped. */
function flipped(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1]! ^= 0x01;
  return bytes.toString('base64');
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('key slots', () => {
  it('give back the master key for the right secret', async () => {
    const slot = await slotFor();
    expect(await openSlot(slot, secret, vaultId)).toEqual(masterKey);
  });

  it('give null for a wrong secret', async () => {
    const slot = await slotFor();
    expect(await openSlot(slot, Buffer.from('correct horse battery stapler'), vaultId)).toBeNull();
    expect(await openSlot(slot, Buffer.alloc(0), vaultId)).toBeNull();
  });

  it('hold neither the master key nor the secret, and never repeat salt, IV or id', async () => {
    const [a, b] = [await slotFor(), await slotFor()];
    const text = JSON.stringify(a);
    for (const encoding of ['hex', 'base64'] as const) {
      expect(text).not.toContain(masterKey.toString(encoding));
      expect(text).not.toContain(secret.toString(encoding));
    }
    expect(text).not.toContain('correct horse');
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrapped).not.toBe(b.wrapped);
    expect(a).toMatchObject({ kind: 'passphrase', userId, generation: 1, kdf: TEST_KDF });
  });

  it('carry no date: the file does not tell when a colleague was given access or changed their passphrase', async () => {
    const slot = await slotFor();
    expect(Object.keys(slot).sort()).toEqual(['generation', 'id', 'iv', 'kdf', 'kind', 'salt', 'tag', 'userId', 'wrapped']);
    expect(JSON.stringify(slot)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  const tampered: [string, (slot: KeySlot) => KeySlot][] = [
    ['its IV', (slot) => ({ ...slot, iv: flipped(slot.iv) })],
    ['its wrapped key', (slot) => ({ ...slot, wrapped: flipped(slot.wrapped) })],
    ['its tag', (slot) => ({ ...slot, tag: flipped(slot.tag) })],
    ['its salt', (slot) => ({ ...slot, salt: flipped(slot.salt) })],
    ['its KDF cost', (slot) => ({ ...slot, kdf: { ...slot.kdf, N: slot.kdf.N * 2 } })],
    ['its user', (slot) => ({ ...slot, userId: randomBytes(16).toString('hex') })],
    ['its generation', (slot) => ({ ...slot, generation: slot.generation + 1 })],
    ['its kind', (slot) => ({ ...slot, kind: 'recovery' })],
    ['its id', (slot) => ({ ...slot, id: randomBytes(16).toString('hex') })],
  ];
  it.each(tampered)('do not open once %s was changed', async (_, tamper) => {
    const slot = await slotFor();
    expect(await openSlot(tamper(slot), secret, vaultId)).toBeNull();
  });

  it('do not open when moved to another vault', async () => {
    const slot = await slotFor();
    expect(await openSlot(slot, secret, randomBytes(16).toString('hex'))).toBeNull();
  });

  it('refuse to work on a structurally broken slot', async () => {
    const slot = await slotFor();
    await expect(openSlot({ ...slot, iv: 'AAAA' }, secret, vaultId)).rejects.toMatchObject({ code: 'slots_corrupt' });
    await expect(openSlot({ ...slot, kdf: { ...slot.kdf, N: 1000 } }, secret, vaultId)).rejects.toMatchObject({
      code: 'slots_corrupt',
    });
  });

  it('refuse a master key of the wrong length', async () => {
    await expect(
      makeSlot(randomBytes(16), secret, { kind: 'recovery', userId, vaultId, generation: 1, kdf: TEST_KDF }),
    ).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('slot file', () => {
  let dir: string;
  let path: string;
  let file: SlotFile;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-slots-'));
    path = join(dir, 'polku.keys');
    const passphrase = await slotFor();
    const recovery = await slotFor({ kind: 'recovery' });
    file = { format: 1, vaultId, generation: 1, lastSlotId: passphrase.id, slots: [passphrase, recovery] };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back exactly what was written, and the slots still open', async () => {
    writeSlotFile(path, file);
    const read = readSlotFile(path);
    expect(read).toEqual(file);
    expect(await openSlot(read.slots[1]!, secret, read.vaultId)).toEqual(masterKey);
  });

  it('written by an earlier build with creation dates still opens, and loses the dates at its next write', async () => {
    const dated = { ...file, slots: file.slots.map((slot) => ({ ...slot, createdAt: '2026-11-28T09:00:00.000Z' })) };
    writeFileSync(path, JSON.stringify(dated));
    const read = readSlotFile(path);
    expect(read).toEqual(file);
    expect(await openSlot(read.slots[0]!, secret, read.vaultId)).toEqual(masterKey);
    writeSlotFile(path, read);
    expect(readFileSync(path, 'utf8')).not.toContain('2026-11-28');
  });

  it('is readable by its owner only and leaves no temp file', () => {
    writeSlotFile(path, file);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['polku.keys']);
  });

  it('reports a missing file as slots_missing', () => {
    expect(thrownBy(() => readSlotFile(path))).toMatchObject({ name: 'AppError', code: 'slots_missing' });
  });

  it('reports a truncated file as slots_corrupt', () => {
    writeSlotFile(path, file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(thrownBy(() => readSlotFile(path))).toMatchObject({ code: 'slots_corrupt' });
  });

  it.each([
    ['garbage bytes', randomBytes(200)],
    ['an empty file', Buffer.alloc(0)],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
  ])('reports %s as slots_corrupt', (_, content) => {
    writeFileSync(path, content);
    expect(thrownBy(() => readSlotFile(path))).toMatchObject({ code: 'slots_corrupt' });
  });

  const wrongShapes: [string, (f: SlotFile) => unknown][] = [
    ['another format', (f) => ({ ...f, format: 2 })],
    ['a vault id that is not hex', (f) => ({ ...f, vaultId: 'vault-of-the-year' })],
    ['an unknown slot kind', (f) => ({ ...f, slots: [{ ...f.slots[0]!, kind: 'fingerprint' }] })],
    ['a slot id in upper case', (f) => ({ ...f, slots: [{ ...f.slots[0]!, id: f.slots[0]!.id.toUpperCase() }] })],
    ['an IV of the wrong length', (f) => ({ ...f, slots: [{ ...f.slots[0]!, iv: randomBytes(16).toString('base64') }] })],
    ['a tag that is not base64', (f) => ({ ...f, slots: [{ ...f.slots[0]!, tag: '!!!!!!!!!!!!!!!!!!!!!!==' }] })],
    [
      'a salt without its base64 padding',
      (f) => ({ ...f, slots: [{ ...f.slots[0]!, salt: f.slots[0]!.salt.replace(/=+$/, '') }] }),
    ],
    ['an insane KDF cost', (f) => ({ ...f, slots: [{ ...f.slots[0]!, kdf: { alg: 'scrypt', N: 2 ** 30, r: 8, p: 1 } }] })],
    ['a generation of zero', (f) => ({ ...f, generation: 0 })],
    ['an unknown field', (f) => ({ ...f, displayName: 'x' })],
    ['an unknown slot field', (f) => ({ ...f, slots: [{ ...f.slots[0]!, hint: 'dog' }] })],
    ['a missing field', (f) => ({ ...f, slots: [{ ...f.slots[0]!, tag: undefined }] })],
    ['two slots with one id', (f) => ({ ...f, slots: [f.slots[0]!, { ...f.slots[1]!, id: f.slots[0]!.id }] })],
  ];
  it.each(wrongShapes)('reports valid JSON with %s as slots_corrupt', (_, reshape) => {
    writeFileSync(path, JSON.stringify(reshape(file)));
    expect(thrownBy(() => readSlotFile(path))).toMatchObject({ code: 'slots_corrupt' });
  });

  it('refuses to write a file it would not read back, keeping the old one', () => {
    writeSlotFile(path, file);
    const before = readFileSync(path, 'utf8');
    const broken = { ...file, vaultId: 'not-an-id' };
    expect(thrownBy(() => writeSlotFile(path, broken))).toMatchObject({ code: 'internal' });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
