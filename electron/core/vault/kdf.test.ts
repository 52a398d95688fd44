import { describe, expect, it } from 'vitest';
import { deriveKek, PRODUCTION_KDF, TEST_KDF, type ScryptParams } from './kdf';

const salt = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');

describe('deriveKek', () => {
  it('is scrypt: matches the RFC 7914 test vector for N=1024, r=8, p=16', async () => {
    const key = await deriveKek(Buffer.from('password'), Buffer.from('NaCl'), { alg: 'scrypt', N: 1024, r: 8, p: 16 });
    expect(key.toString('hex')).toBe('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162');
  });

  it('gives a 32-byte key that depends on the secret, the salt and the cost', async () => {
    const base = await deriveKek(Buffer.from('secret'), salt, TEST_KDF);
    expect(base).toHaveLength(32);
    expect(await deriveKek(Buffer.from('secret'), salt, TEST_KDF)).toEqual(base);
    expect(await deriveKek(Buffer.from('secreT'), salt, TEST_KDF)).not.toEqual(base);
    expect(await deriveKek(Buffer.from('secret'), Buffer.alloc(16), TEST_KDF)).not.toEqual(base);
    expect(await deriveKek(Buffer.from('secret'), salt, { ...TEST_KDF, N: 2 ** 11 })).not.toEqual(base);
  });

  it('production cost is 128 MiB of scrypt and runs without blocking the event loop', async () => {
    expect(PRODUCTION_KDF).toEqual({ alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const key = await deriveKek(Buffer.from('secret'), salt, PRODUCTION_KDF);
      expect(key).toHaveLength(32);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
  });

  const insane: [string, ScryptParams][] = [
    ['N not a power of two', { alg: 'scrypt', N: 3000, r: 8, p: 1 }],
    ['N below 2^10', { alg: 'scrypt', N: 2 ** 9, r: 8, p: 1 }],
    ['N above 2^22', { alg: 'scrypt', N: 2 ** 23, r: 1, p: 1 }],
    ['r of 0', { alg: 'scrypt', N: 2 ** 10, r: 0, p: 1 }],
    ['r above 32', { alg: 'scrypt', N: 2 ** 10, r: 33, p: 1 }],
    ['p of 0', { alg: 'scrypt', N: 2 ** 10, r: 8, p: 0 }],
    ['p above 16', { alg: 'scrypt', N: 2 ** 10, r: 8, p: 17 }],
    ['a fractional r', { alg: 'scrypt', N: 2 ** 10, r: 1.5, p: 1 }],
    ['more than 1 GiB of memory', { alg: 'scrypt', N: 2 ** 22, r: 32, p: 1 }],
    ['another algorithm', { alg: 'argon2id', N: 2 ** 10, r: 8, p: 1 } as unknown as ScryptParams],
  ];
  it.each(insane)('refuses parameters with %s as a corrupt slot', async (_, params) => {
    await expect(deriveKek(Buffer.from('secret'), salt, params)).rejects.toMatchObject({
      name: 'AppError',
      code: 'slots_corrupt',
    });
  });
});
