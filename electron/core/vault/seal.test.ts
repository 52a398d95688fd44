import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEAL_IV_LENGTH, SEAL_TAG_LENGTH, openJoined, openSealed, seal, sealJoined } from './seal';

const key = randomBytes(32);
const aad = Buffer.from('polku-test|place', 'utf8');
const secret = Buffer.from('a key of thirty-two bytes, just.', 'utf8');

describe('seal', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const first = seal(key, secret, aad);
    const second = seal(key, secret, aad);
    expect(first.iv).toHaveLength(SEAL_IV_LENGTH);
    expect(first.tag).toHaveLength(SEAL_TAG_LENGTH);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.body.equals(secret)).toBe(false);
    expect(openSealed(key, first, aad, 32)?.equals(secret)).toBe(true);
    expect(openSealed(key, second, aad)?.equals(secret)).toBe(true);
  });

  it('answers null for a wrong key, other associated data, a changed byte or a wrong length', () => {
    const sealed = seal(key, secret, aad);
    expect(openSealed(randomBytes(32), sealed, aad)).toBeNull();
    expect(openSealed(key, sealed, Buffer.from('polku-test|elsewhere', 'utf8'))).toBeNull();
    const body = Buffer.from(sealed.body);
    body[3] = (body[3] ?? 0) ^ 1;
    expect(openSealed(key, { ...sealed, body }, aad)).toBeNull();
    const tag = Buffer.from(sealed.tag);
    tag[0] = (tag[0] ?? 0) ^ 1;
    expect(openSealed(key, { ...sealed, tag }, aad)).toBeNull();
    expect(openSealed(key, sealed, aad, 16)).toBeNull();
  });

  it('lays a joined value out as IV | ciphertext | tag and refuses one too short to hold them', () => {
    const text = Buffer.from('Yksityiset muistiinpanot', 'utf8');
    const joined = sealJoined(key, text, aad);
    expect(joined).toHaveLength(SEAL_IV_LENGTH + text.length + SEAL_TAG_LENGTH);
    expect(openJoined(key, joined, aad)?.toString('utf8')).toBe('Yksityiset muistiinpanot');
    expect(openJoined(key, joined.subarray(0, SEAL_IV_LENGTH + SEAL_TAG_LENGTH), aad)).toBeNull();
    const moved = Buffer.from(joined);
    moved[SEAL_IV_LENGTH] = (moved[SEAL_IV_LENGTH] ?? 0) ^ 1;
    expect(openJoined(key, moved, aad)).toBeNull();
  });
});
