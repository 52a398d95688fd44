/**
 * Pending draft saves, kept outside any component so that nothing typed is lost when a form goes away, the
 * window closes or Polku locks: the app calls flushDrafts() first. Saves of one draft run one after another,
 * so an older state can never overwrite a newer one.
 */

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

type Save = () => Promise<void>;

interface Pending {
  timer: ReturnType<typeof setTimeout> | null;
  /** The latest state to save, waiting for its timer. */
  save: Save | null;
  /** The saves of this draft so far, in order; resolves when the last one is done. */
  chain: Promise<void>;
}

const pending = new Map<string, Pending>();

function entry(key: string): Pending {
  let found = pending.get(key);
  if (!found) {
    found = { timer: null, save: null, chain: Promise.resolve() };
    pending.set(key, found);
  }
  return found;
}

/** Runs the waiting save of `key` now, after any save of it still running. */
function runNow(key: string, item: Pending): Promise<void> {
  if (item.timer !== null) clearTimeout(item.timer);
  item.timer = null;
  const save = item.save;
  item.save = null;
  // A failed save is reported by the save itself; the chain goes on to the next one.
  if (save) item.chain = item.chain.then(save).catch(() => undefined);
  const chain = item.chain;
  void chain.then(() => {
    if (pending.get(key) === item && item.save === null && item.chain === chain) pending.delete(key);
  });
  return chain;
}

/** Saves `save` for the draft `key` once typing has paused for `delayMs`; a newer call replaces a waiting one. */
export function scheduleDraftSave(key: string, save: Save, delayMs = AUTOSAVE_DELAY_MS): void {
  const item = entry(key);
  if (item.timer !== null) clearTimeout(item.timer);
  item.save = save;
  item.timer = setTimeout(() => void runNow(key, item), delayMs);
}

/** Saves the draft `key` now if a save is waiting (e.g. when a field loses focus); resolves when saved. */
export function saveDraftNow(key: string): Promise<void> {
  const item = pending.get(key);
  return item ? runNow(key, item) : Promise.resolve();
}

/**
 * Drops a waiting save of `key` (its note is being saved, or the draft discarded) and resolves once any save
 * already running is done, so that what follows reaches the main side after it.
 */
export function cancelDraftSave(key: string): Promise<void> {
  const item = pending.get(key);
  if (!item) return Promise.resolve();
  if (item.timer !== null) clearTimeout(item.timer);
  item.timer = null;
  item.save = null;
  return item.chain;
}

/** Saves every waiting draft at once and resolves when all saves are done. Call before locking or closing. */
export async function flushDrafts(): Promise<void> {
  await Promise.all([...pending].map(([key, item]) => runNow(key, item)));
}
