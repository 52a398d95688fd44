import { scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@shared/errors';

/** Cost parameters of a memory-hard key derivation, stored with every key slot. */
export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
}

/** 128 MiB and about 0.6 s per derivation on a two-core build machine: the cost of one unlock attempt. */
export const PRODUCTION_KDF: ScryptParams = { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** Cheap parameters for unit tests only; a slot made with them is as weak as its passphrase. */
export const TEST_KDF: ScryptParams = { alg: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

const KEK_LENGTH = 32;
// A slot file asking for more would make an unlock attempt exhaust memory instead of failing cleanly.
const MAX_SCRYPT_MEMORY = 1024 ** 3;

function scryptMemory({ N, r, p }: ScryptParams): number {
  // OpenSSL's own count: the V array (N + 2 blocks of 128·r bytes) plus p blocks of 128·r bytes.
  return 128 * r * (N + 2 + p);
}

/** The parameters a slot may carry: anything outside these bounds means the slot file was damaged or forged. */
export const scryptParamsSchema = z
  .strictObject({
    alg: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 22)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  })
  .refine((params) => scryptMemory(params) <= MAX_SCRYPT_MEMORY, 'scrypt memory above the limit');

/**
 * Derives a 32-byte key-encryption key from a secret (passphrase or recovery code bytes).
 * Runs on libuv's thread pool, so the main process stays responsive during the ~0.6 s it takes.
 */
export function deriveKek(secret: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const parsed = scryptParamsSchema.safeParse(params);
  if (!parsed.success) return Promise.reject(new AppError('slots_corrupt'));
  const { N, r, p } = parsed.data;
  const maxmem = scryptMemory(parsed.data) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEK_LENGTH, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
