/** How many trailing digits identify a phone number, so that +358 40 … and 040 … compare equal. */
const PHONE_TAIL_DIGITS = 9;

/** A name or search text folded for comparison: case, accents and spacing do not matter ("Työ" = "tyo"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A name's comparison key, or null when there is no name. */
export function nameKey(name: string | null): string | null {
  return name === null ? null : foldText(name);
}

/** The digits that identify a phone number; null when there are too few to compare. */
export function phoneTail(phone: string | null): string | null {
  const digits = phone?.replace(/\D/gu, '') ?? '';
  return digits.length < 5 ? null : digits.slice(-PHONE_TAIL_DIGITS);
}
