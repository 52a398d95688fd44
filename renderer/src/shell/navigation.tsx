/**
 * A way for any screen to open another place (a participant's consents from a notice, the backup settings from a
 * reminder) without passing callbacks down: the app provides it, and it follows the menu's rules for the role.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Place } from '@shared/place';

const OpenPlaceContext = createContext<((place: Place) => void) | null>(null);

export function OpenPlaceProvider({ openPlace, children }: { openPlace: (place: Place) => void; children: ReactNode }) {
  return <OpenPlaceContext.Provider value={openPlace}>{children}</OpenPlaceContext.Provider>;
}

/** Opens a place (shared/place.ts); one the reader's role may not open is ignored. */
export function useOpenPlace(): (place: Place) => void {
  const value = useContext(OpenPlaceContext);
  if (!value) throw new Error('useOpenPlace outside the unlocked app');
  return value;
}
