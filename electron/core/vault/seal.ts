/**
 * AES-256-GCM with associated data: the one way Polku wraps a key or seals a text under a key it holds — key slots,
 * the rotation bridge, the compartment's wraps and the psychologists' private notes all go through here.
 *
 * - A fresh random 12-byte IV for every seal; a 16-byte tag, always checked.
 * - The associated data binds the ciphertext to its place (vault, slot, user, entry, version…): the caller builds it.
 * - An opened plaintext lives in memory of its own (`Buffer.alloc`, never the shared pool), and every intermediate
 *   buffer is zeroed; the caller zeroes the result when done with it.
 * - A wrong key, changed associated data, a changed byte or a plaintext of the wrong length all answer `null`:
 *   the cases are indistinguishable by design.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SEAL_IV_LENGTH = 12;
export const SEAL_TAG_LENGTH = 16;
const ALGORITHM = 'aes-256-gcm';

/** The three parts of a sealed value, for formats that keep them apart. */
export interface Sealed {
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

/** Seals `plaintext` under `key` (32 bytes), bound to `aad`. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(SEAL_IV_LENGTH);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: SEAL_TAG_LENGTH });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, body, tag: cipher.getAuthTag() };
}

/**
 * The plaintext of a sealed value, or null when the key, the associated data or any byte is wrong — or when the
 * plaintext is not `length` bytes long, if a length is asked for (a wrapped key).
 */
export function openSealed(key: Buffer, sealed: Sealed, aad: Buffer, length?: number): Buffer | null {
  let head: Buffer | undefined;
  let tail: Buffer | undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: SEAL_TAG_LENGTH });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    head = decipher.update(sealed.body);
    tail = decipher.final();
    const total = head.length + tail.length;
    if (length !== undefined && total !== length) return null;
    const plaintext = Buffer.alloc(total);
    head.copy(plaintext, 0);
    tail.copy(plaintext, head.length);
    return plaintext;
  } catch {
    return null;
  } finally {
    head?.fill(0);
    tail?.fill(0);
  }
}

/** Seals into one buffer laid out as IV | ciphertext | tag. */
export function sealJoined(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const { iv, body, tag } = seal(key, plaintext, aad);
  return Buffer.concat([iv, body, tag]);
}

/** Opens a buffer laid out as IV | ciphertext | tag; null as for openSealed, and when it is too short to hold one. */
export function openJoined(key: Buffer, joined: Buffer, aad: Buffer): Buffer | null {
  if (joined.length <= SEAL_IV_LENGTH + SEAL_TAG_LENGTH) return null;
  return openSealed(
    key,
    {
      iv: joined.subarray(0, SEAL_IV_LENGTH),
      body: joined.subarray(SEAL_IV_LENGTH, joined.length - SEAL_TAG_LENGTH),
      tag: joined.subarray(joined.length - SEAL_TAG_LENGTH),
    },
    aad,
  );
}
