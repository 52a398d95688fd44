import type { Place } from '@shared/place';

/**
 * The last place of the signed-in user, held in the main side's memory only: never written to a file, gone when
 * Polku quits. It outlives a lock on purpose (that is what it is for) and is handed back only to the same user.
 */
export class PlaceMemory {
  private last: { userId: string; place: Place } | null = null;

  remember(userId: string, place: Place): void {
    this.last = { userId, place };
  }

  /** The place `userId` was at, once: asking forgets it, and another user's asking forgets it too. */
  take(userId: string): Place | null {
    const last = this.last;
    this.last = null;
    return last && last.userId === userId ? last.place : null;
  }
}
