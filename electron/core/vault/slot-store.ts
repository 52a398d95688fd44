import { fileOps, type FileOps } from '../fs/file-ops';
import { AppError } from '@shared/errors';
import type { ScryptParams } from './kdf';
import {
  makeSlot,
  openSlot,
  readSlotFile,
  wrapForRotation,
  writeSlotFile,
  type HistoryAnchor,
  type KeySlot,
  type SlotFile,
  type SlotKind,
} from './keyslots';
import { nameTag, newNameSalt } from './name-tag';
import { passphraseSecret } from './passphrase-policy';
import { normalizeRecoveryCode } from './recovery';

/** Whom a new slot is for; `generation` defaults to the slot file's current one. */
export interface SlotOwner {
  userId: string;
  generation?: number;
}

/**
 * The key-slot file of one vault: which slots an unlock tries, and every change to the file. Methods that take a
 * `file` work on that snapshot, read before the slow slot-making; the others read the file afresh.
 */
export class SlotStore {
  constructor(
    private readonly path: string,
    private readonly kdf: ScryptParams,
    /** The file operations of the slot-file writes (failing where a test injects faults). */
    private readonly ops: FileOps = fileOps(),
  ) {}

  /** The slot file, strictly validated. */
  read(): SlotFile {
    return readSlotFile(this.path);
  }

  /** Replaces the slot file atomically. */
  write(file: SlotFile): void {
    writeSlotFile(this.path, file, this.ops);
  }

  /** The slot file of a new vault, not yet written: the first user's passphrase slot and the recovery slot. */
  async firstFile(
    masterKey: Buffer,
    o: { vaultId: string; userId: string; name: string; passphrase: string; recoveryCode: string },
  ): Promise<SlotFile> {
    const empty: SlotFile = {
      format: 1,
      vaultId: o.vaultId,
      generation: 1,
      lastSlotId: null,
      nameSalt: newNameSalt(),
      slots: [],
    };
    const owner = { userId: o.userId };
    const passphraseSlot = await this.makePassphraseSlot(empty, masterKey, o.passphrase, o.name, owner);
    const recoverySlot = await this.makeRecoverySlot(empty, masterKey, o.recoveryCode, owner);
    return { ...empty, lastSlotId: passphraseSlot.id, slots: [passphraseSlot, recoverySlot] };
  }

  /** A new passphrase slot for `file`, tagged with its owner's name so the unlock screen finds it. */
  async makePassphraseSlot(
    file: SlotFile,
    masterKey: Buffer,
    passphrase: string,
    name: string,
    owner: SlotOwner,
  ): Promise<KeySlot> {
    return this.tagged(file, name, await this.makeSecretSlot(file, masterKey, 'passphrase', passphrase, owner));
  }

  /** A new recovery slot for `file`. */
  async makeRecoverySlot(file: SlotFile, masterKey: Buffer, code: string, owner: SlotOwner): Promise<KeySlot> {
    return this.makeSecretSlot(file, masterKey, 'recovery', code, owner);
  }

  /**
   * The slot file of a master-key rotation while it is unfinished: both generations of slots, and the new key
   * wrapped under the old one, so that every slot of either generation opens the vault whether or not the rekey
   * has committed. `finishRotation` keeps only the caller's new passphrase slot and the new recovery slot.
   */
  async rotatingFile(
    file: SlotFile,
    keys: { oldKey: Buffer; newKey: Buffer },
    o: { userId: string; name: string; passphrase: string; recoveryCode: string },
  ): Promise<SlotFile> {
    const owner = { userId: o.userId, generation: file.generation + 1 };
    const passphraseSlot = await this.makePassphraseSlot(file, keys.newKey, o.passphrase, o.name, owner);
    const recoverySlot = await this.makeRecoverySlot(file, keys.newKey, o.recoveryCode, owner);
    const rotation = wrapForRotation(keys.newKey, keys.oldKey, {
      vaultId: file.vaultId,
      from: file.generation,
      to: owner.generation,
    });
    return {
      ...file,
      generation: owner.generation,
      lastSlotId: passphraseSlot.id,
      slots: [...file.slots, passphraseSlot, recoverySlot],
      rotation,
    };
  }

  /** Whether `code` opens the vault's current recovery slot. */
  async opensRecoverySlot(code: string): Promise<boolean> {
    const file = this.read();
    const slot = file.slots.find((s) => s.kind === 'recovery' && s.generation === file.generation);
    const secret = normalizeRecoveryCode(code);
    const key = slot && secret ? await openSlot(slot, secret, file.vaultId) : null;
    secret?.fill(0);
    key?.fill(0);
    return key !== null;
  }

  /** Stores `slot` in place of the recovery slot of `file`. */
  replaceRecoverySlot(file: SlotFile, slot: KeySlot): void {
    this.write({ ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] });
  }

  /** Stores `slot` in place of `previous` in `file`, as the slot the unlock screen tries first. */
  replacePassphraseSlot(file: SlotFile, previous: KeySlot | undefined, slot: KeySlot): void {
    this.write({ ...file, lastSlotId: slot.id, slots: [...file.slots.filter((s) => s !== previous), slot] });
  }

  /** Stores `slot` in place of every earlier passphrase slot of its user. */
  replacePassphraseSlotsOf(userId: string, slot: KeySlot): void {
    this.replaceSlotsOf(userId, [slot]);
  }

  /** Removes every slot of a user, a recovery slot they made included. Returns whether a recovery slot went. */
  removeSlotsOf(userId: string): boolean {
    const hadRecovery = this.read().slots.some((s) => s.kind === 'recovery' && s.userId === userId);
    this.replaceSlotsOf(userId, [], { includingRecovery: true });
    return hadRecovery;
  }

  /** Tags a user's passphrase slots with their new name. */
  retagPassphraseSlots(userId: string, name: string): void {
    const file = this.read();
    const slots = file.slots.map((s) => (s.kind === 'passphrase' && s.userId === userId ? this.tagged(file, name, s) : s));
    this.write({ ...file, slots });
  }

  /** Remembers whose slot opened the vault, so the next unlock without a name tries it first (if it is still there). */
  rememberLastSlot(slotId: string): void {
    const file = this.read();
    if (file.slots.some((s) => s.id === slotId)) this.write({ ...file, lastSlotId: slotId });
  }

  /**
   * The rekey of a rotation committed: only the new generation's slots stay (the caller's passphrase slot and the
   * new recovery slot), the bridge goes, and the history anchor is the one computed under the new key.
   */
  finishRotation(anchor: HistoryAnchor | undefined): void {
    const { rotation: _bridge, historyAnchor: _anchor, ...file } = this.read();
    const slots = file.slots.filter((s) => s.generation === file.generation);
    const lastSlotId = slots.some((s) => s.id === file.lastSlotId) ? file.lastSlotId : null;
    this.write({ ...file, lastSlotId, slots, ...(anchor ? { historyAnchor: anchor } : {}) });
  }

  /** The rekey of a rotation did not commit: the rotation is undone, back to `generation` and its slots. */
  undoRotation(generation: number, opened: KeySlot): void {
    const { rotation: _bridge, ...file } = this.read();
    const slots = file.slots.filter((s) => s.generation === generation);
    const lastSlotId =
      opened.kind === 'passphrase' && opened.generation === generation
        ? opened.id
        : slots.some((s) => s.id === file.lastSlotId)
          ? file.lastSlotId
          : null;
    this.write({ ...file, generation, lastSlotId, slots });
  }

  private replaceSlotsOf(userId: string, replacement: KeySlot[], options = { includingRecovery: false }): void {
    const file = this.read();
    const kept = file.slots.filter((s) => !(s.userId === userId && (s.kind === 'passphrase' || options.includingRecovery)));
    const lastSlotId = kept.some((s) => s.id === file.lastSlotId) ? file.lastSlotId : null;
    this.write({ ...file, lastSlotId, slots: [...kept, ...replacement] });
  }

  private tagged(file: SlotFile, name: string, slot: KeySlot): KeySlot {
    return file.nameSalt ? { ...slot, nameTag: nameTag(file.nameSalt, name) } : slot;
  }

  private async makeSecretSlot(
    file: SlotFile,
    masterKey: Buffer,
    kind: SlotKind,
    secretText: string,
    owner: SlotOwner,
  ): Promise<KeySlot> {
    const secret = kind === 'recovery' ? normalizeRecoveryCode(secretText) : passphraseSecret(secretText);
    if (!secret) throw new AppError('internal');
    try {
      const generation = owner.generation ?? file.generation;
      return await makeSlot(masterKey, secret, {
        userId: owner.userId,
        vaultId: file.vaultId,
        generation,
        kdf: this.kdf,
        kind,
      });
    } finally {
      secret.fill(0);
    }
  }
}

/**
 * The slots an unlock tries: with a name, that user's passphrase slot; without one, the slot of whoever
 * unlocked last (or every slot, when that is not known). Recovery: the recovery slot. While a rotation is
 * unfinished the slots of both generations are tried, the newer first.
 */
export function candidateSlots(file: SlotFile, kind: SlotKind, name?: string): KeySlot[] {
  const slots = file.slots.filter((s) => s.kind === kind).sort((a, b) => b.generation - a.generation);
  if (kind === 'recovery') return slots;
  if (name?.trim() && file.nameSalt) {
    const tag = nameTag(file.nameSalt, name);
    return slots.filter((s) => s.nameTag === tag);
  }
  const last = slots.filter((s) => s.id === file.lastSlotId);
  return last.length > 0 ? last : slots;
}

/** Slots of an interrupted rotation that the same secret may open when `slot`'s key does not open the database. */
export function earlierGenerationsOf(file: SlotFile, slot: KeySlot): KeySlot[] {
  return file.slots.filter((s) => s.generation < slot.generation && s.kind === slot.kind && s.userId === slot.userId);
}

/** A user's passphrase slot of the current generation. */
export function passphraseSlotOf(file: SlotFile, userId: string): KeySlot | undefined {
  return file.slots.find((s) => s.kind === 'passphrase' && s.userId === userId && s.generation === file.generation);
}

/** Whether `secret` opens `slot`; zeroes `secret` and anything unwrapped. */
export async function slotOpensWith(slot: KeySlot, file: SlotFile, secret: Buffer): Promise<boolean> {
  try {
    const key = await openSlot(slot, secret, file.vaultId);
    key?.fill(0);
    return key !== null;
  } finally {
    secret.fill(0);
  }
}
