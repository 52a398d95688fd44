import { hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { fileOps, type FileOps } from '../fs/file-ops';
import { deriveKek, scryptParamsSchema, type ScryptParams } from './kdf';
import { SEAL_IV_LENGTH, SEAL_TAG_LENGTH, openSealed, seal, type Sealed } from './seal';

export type SlotKind = 'passphrase' | 'recovery';

/** One wrapped copy of the master key. Binary fields are base64; nothing in it identifies a person. */
export interface KeySlot {
  id: string;
  kind: SlotKind;
  /** Opaque random id of the user the slot belongs to (the same id as in the database). */
  userId: string;
  /** Master-key generation; a rekey writes new slots with the next generation. */
  generation: number;
  kdf: ScryptParams;
  salt: string;
  iv: string;
  wrapped: string;
  tag: string;
  /** Passphrase slots: a keyed hash of the user's name, so the unlock screen can find the slot without storing the name. */
  nameTag?: string;
}

/** The key-slot file of a vault. */
export interface SlotFile {
  format: 1;
  vaultId: string;
  generation: number;
  lastSlotId: string | null;
  /** The vault's random key for name tags (base64, 16 bytes). */
  nameSalt?: string;
  slots: KeySlot[];
  /** The audit log's head kept outside the database, authenticated: see anchor.ts. */
  historyAnchor?: HistoryAnchor;
  /** Only while a master-key rotation is unfinished: the new key wrapped under the old one (see wrapForRotation). */
  rotation?: RotationBridge;
}

/**
 * The new master key of an unfinished rotation, wrapped (AES-256-GCM) under a key derived from the old master key
 * (generation `from`), so that every slot of the old generation still opens the vault once the rekey has committed.
 */
export interface RotationBridge {
  from: number;
  iv: string;
  wrapped: string;
  tag: string;
}

/** An audit row named by its id and hash. */
export interface AuditHeadRef {
  id: number;
  hash: string;
}

/** The history anchor as the slot file holds it; `mac` is HMAC-SHA256 (hex) over the rest and the vault id. */
export interface HistoryAnchor {
  head: AuditHeadRef;
  counter: number;
  /** Heads recorded in the newest backups made from this vault, newest last. */
  backups: AuditHeadRef[];
  mac: string;
}

const MASTER_KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const IV_LENGTH = SEAL_IV_LENGTH;
const TAG_LENGTH = SEAL_TAG_LENGTH;
// A real slot file is a few KiB; anything far larger is not one, and is not worth parsing.
const MAX_SLOT_FILE_BYTES = 1024 * 1024;

/** Base64 of exactly `length` bytes, in the one spelling Buffer produces, so that no variant decodes "close enough". */
const base64Bytes = (length: number) =>
  z.string().refine((text) => {
    const bytes = Buffer.from(text, 'base64');
    return bytes.length === length && bytes.toString('base64') === text;
  }, `base64 of ${length} bytes`);

const slotId = z.string().regex(/^[0-9a-f]{32}$/);
const opaqueId = z.string().regex(/^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/);
const generation = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const keySlotSchema = z.strictObject({
  id: slotId,
  kind: z.enum(['passphrase', 'recovery']),
  userId: opaqueId,
  generation,
  kdf: scryptParamsSchema,
  salt: base64Bytes(SALT_LENGTH),
  iv: base64Bytes(IV_LENGTH),
  wrapped: base64Bytes(MASTER_KEY_LENGTH),
  tag: base64Bytes(TAG_LENGTH),
  nameTag: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/**
 * A slot as the file may hold it. Slots written by earlier builds carry their creation time in plain text, which
 * tells anyone holding the file when each colleague was given access or changed their passphrase: it is accepted,
 * dropped on reading, and so gone from the file at its next write.
 */
const storedSlotSchema = keySlotSchema
  .extend({ createdAt: z.iso.datetime().optional() })
  .transform(({ createdAt: _dropped, ...slot }) => slot);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const auditHeadRef = z.strictObject({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), hash: hex64 });
/** Up to this many backup heads are kept in the anchor. */
export const ANCHOR_BACKUP_HEADS = 8;
const historyAnchorSchema = z.strictObject({
  head: auditHeadRef,
  counter: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  backups: z.array(auditHeadRef).max(ANCHOR_BACKUP_HEADS),
  mac: hex64,
});

const rotationBridgeSchema = z.strictObject({
  from: generation,
  iv: base64Bytes(IV_LENGTH),
  wrapped: base64Bytes(MASTER_KEY_LENGTH),
  tag: base64Bytes(TAG_LENGTH),
});

const slotFileSchema = z.strictObject({
  format: z.literal(1),
  vaultId: opaqueId,
  generation,
  lastSlotId: slotId.nullable(),
  nameSalt: base64Bytes(SALT_LENGTH).optional(),
  slots: z
    .array(storedSlotSchema)
    .refine((slots) => new Set(slots.map((slot) => slot.id)).size === slots.length, 'duplicate slot id'),
  historyAnchor: historyAnchorSchema.optional(),
  rotation: rotationBridgeSchema.optional(),
});

/** Binds the ciphertext to its place: a slot copied to another vault, user, kind or generation no longer opens. */
function associatedData(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'generation'>): Buffer {
  return Buffer.from(`polku-slot-v1|${vaultId}|${slot.id}|${slot.kind}|${slot.userId}|${slot.generation}`, 'utf8');
}

/** Wraps the master key under a key derived from `secret`, in a new slot with a fresh id, salt and IV. */
export async function makeSlot(
  masterKey: Buffer,
  secret: Buffer,
  o: { kind: SlotKind; userId: string; vaultId: string; generation: number; kdf: ScryptParams },
): Promise<KeySlot> {
  if (masterKey.length !== MASTER_KEY_LENGTH) throw new AppError('internal');
  const id = randomBytes(16).toString('hex');
  const salt = randomBytes(SALT_LENGTH);
  const kek = await deriveKek(secret, salt, o.kdf);
  try {
    const { iv, body, tag } = seal(
      kek,
      masterKey,
      associatedData(o.vaultId, { id, kind: o.kind, userId: o.userId, generation: o.generation }),
    );
    const slot: KeySlot = {
      id,
      kind: o.kind,
      userId: o.userId,
      generation: o.generation,
      kdf: { alg: 'scrypt', N: o.kdf.N, r: o.kdf.r, p: o.kdf.p },
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      wrapped: body.toString('base64'),
      tag: tag.toString('base64'),
    };
    // A slot this module would refuse to read back must never reach the disk.
    if (!keySlotSchema.safeParse(slot).success) throw new AppError('internal');
    return slot;
  } finally {
    kek.fill(0);
  }
}

/** Unwraps the master key; `null` when the secret is wrong or any bound field of the slot was changed. */
export async function openSlot(slot: KeySlot, secret: Buffer, vaultId: string): Promise<Buffer | null> {
  if (!keySlotSchema.safeParse(slot).success) throw new AppError('slots_corrupt');
  const kek = await deriveKek(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    // GCM authentication failing means a wrong secret or a tampered slot; the two are indistinguishable by design.
    return openSealed(kek, sealedParts(slot), associatedData(vaultId, slot), MASTER_KEY_LENGTH);
  } finally {
    kek.fill(0);
  }
}

/** The sealed parts of a slot or a bridge, as stored in base64. */
function sealedParts(stored: { iv: string; wrapped: string; tag: string }): Sealed {
  return {
    iv: Buffer.from(stored.iv, 'base64'),
    body: Buffer.from(stored.wrapped, 'base64'),
    tag: Buffer.from(stored.tag, 'base64'),
  };
}

const BRIDGE_KEY_LABEL = 'polku-rotation-bridge-v1';

function bridgeKey(oldKey: Buffer, vaultId: string): Buffer {
  const derived = Buffer.from(hkdfSync('sha256', oldKey, Buffer.from(vaultId, 'utf8'), BRIDGE_KEY_LABEL, 32));
  const key = Buffer.alloc(32);
  derived.copy(key);
  derived.fill(0);
  return key;
}

function bridgeData(vaultId: string, from: number, to: number): Buffer {
  return Buffer.from(`polku-rotation-v1|${vaultId}|${from}|${to}`, 'utf8');
}

/** Wraps the new master key of a rotation from generation `from` to `to` under the old master key. */
export function wrapForRotation(
  newKey: Buffer,
  oldKey: Buffer,
  o: { vaultId: string; from: number; to: number },
): RotationBridge {
  if (newKey.length !== MASTER_KEY_LENGTH || oldKey.length !== MASTER_KEY_LENGTH) throw new AppError('internal');
  const key = bridgeKey(oldKey, o.vaultId);
  try {
    const { iv, body, tag } = seal(key, newKey, bridgeData(o.vaultId, o.from, o.to));
    return { from: o.from, iv: iv.toString('base64'), wrapped: body.toString('base64'), tag: tag.toString('base64') };
  } finally {
    key.fill(0);
  }
}

/** The new master key of the file's unfinished rotation, given the old one of generation `from`; null otherwise. */
export function openRotationBridge(file: SlotFile, oldKey: Buffer, from: number): Buffer | null {
  const bridge = file.rotation;
  if (!bridge || bridge.from !== from) return null;
  const key = bridgeKey(oldKey, file.vaultId);
  try {
    return openSealed(key, sealedParts(bridge), bridgeData(file.vaultId, bridge.from, file.generation), MASTER_KEY_LENGTH);
  } finally {
    key.fill(0);
  }
}

/** Reads and strictly validates a slot file. */
export function readSlotFile(path: string): SlotFile {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_SLOT_FILE_BYTES) throw new AppError('slots_corrupt');
    text = bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('slots_missing');
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('slots_corrupt');
  }
  const parsed = slotFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('slots_corrupt');
  return parsed.data;
}

/**
 * Writes a slot file atomically, readable by the owner only. Refuses a file that `readSlotFile` would reject.
 * `ops`: the file operations, failing where a test injects faults.
 */
export function writeSlotFile(path: string, file: SlotFile, ops: FileOps = fileOps()): void {
  if (!slotFileSchema.safeParse(file).success) throw new AppError('internal');
  ops.writeAtomic(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
}
