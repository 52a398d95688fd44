import type { Participant } from '@shared/participants';

/** Shorter name parts would match ordinary words too often to be worth it. */
const MIN_NAME_PART = 3;
const CONTACT_MARK = '[…]';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole word or phrase, in any letter case, not inside a longer word. */
function wordPattern(phrase: string): string {
  return `(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`;
}

/** Digits with any of the usual separators between them, as people write numbers. */
function digitsPattern(digits: string): string {
  return [...digits].join('[\\s().\\/-]*');
}

/**
 * The phone number as written, and in national form when it was recorded internationally (+358 40… is also
 * written 040…): one national form for each possible length of the country code.
 */
function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return null;
  const international = /^\s*(\+|00)/.test(phone) ? digits.replace(/^00/, '') : null;
  const forms = [`(?:\\+|00)?${digitsPattern(international ?? digits)}`];
  if (international) for (const cc of [1, 2, 3]) forms.push(digitsPattern(`0${international.slice(cc)}`));
  return `(?<!\\d)(?:${forms.join('|')})(?!\\d)`;
}

/**
 * For a pseudonym-only printout: a function that replaces the participant's own names (whole and each part) with
 * the pseudonym code, and their phone number and email address with "[…]", wherever they appear in printed text —
 * staff write names into notes. What it cannot know (a nickname, a misspelling) the preview shows before printing.
 */
export function identityRemover(participant: Participant): (text: string) => string {
  const names = new Set<string>();
  for (const name of [participant.firstName, participant.lastName, participant.preferredName]) {
    if (!name) continue;
    names.add(name.trim());
    for (const part of name.split(/[\s-]+/u)) if (part.length >= MIN_NAME_PART) names.add(part);
  }
  const byLength = [...names].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  const rules: [RegExp, string][] = [];
  const phone = participant.phone ? phonePattern(participant.phone) : null;
  if (participant.email) rules.push([new RegExp(wordPattern(participant.email), 'giu'), CONTACT_MARK]);
  if (phone) rules.push([new RegExp(phone, 'gu'), CONTACT_MARK]);
  if (byLength.length > 0)
    rules.push([new RegExp(byLength.map(wordPattern).join('|'), 'giu'), participant.pseudonym.replace(/\$/g, '$$$$')]);
  return (text) => rules.reduce((out, [pattern, mark]) => out.replace(pattern, mark), text);
}
