/**
 * The text a person types, the same rules in every contract: one line or several, phone numbers, e-mail
 * addresses, dates and clock times. No control characters, except line breaks in a text of several lines, and
 * line breaks and tabs in written notes; every rule that is not zod's own carries a message from
 * CUSTOM_MESSAGES, so the form and the refusal both show its sentence.
 */
import { z } from 'zod';
import type { CustomMessage } from './validation';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f]/;
/** In a written note, line breaks and tabs (indented lines) are part of the text; other control characters are not. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_IN_WRITING = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** The search snippet markers (MATCH_START, MATCH_END of shared/search.ts) must never come from the text itself. */
const SNIPPET_MARKERS = /[\uE000\uE001]/g;
/** A loose check that catches typing slips, not a full address grammar. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators and an optional leading +; at least five digits, so "-----" is no number. */
const PHONE = /^\+?(?=(?:\D*\d){5})[\d ()./-]{5,40}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const PHONE_MAX = 40;
/** The longest address the mail standards allow. */
export const EMAIL_MAX = 254;

/** The parameters of a refinement with a message the interface translates (see shared/validation.ts). */
export function rule(message: CustomMessage, path?: string[]): { message: CustomMessage; path?: string[] } {
  return path ? { message, path } : { message };
}

/** An issue for `ctx.addIssue` with a message the interface translates. */
export function customIssue(message: CustomMessage, path: string[]) {
  return { code: 'custom' as const, message, path };
}

const isOneLine = (s: string) => !CONTROL_CHARACTERS.test(s);
const isLines = (s: string) => !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(s);
const isWriting = (s: string) => !CONTROL_CHARACTERS_IN_WRITING.test(s);
const blankToNull = (s: string) => (s === '' ? null : s);

/** One line as typed, not trimmed (passphrases, search queries, drafts): bounded, no control characters. */
export const rawLine = (max: number, { min = 0 }: { min?: number } = {}) =>
  z.string().min(min).max(max).refine(isOneLine, rule('control_characters'));

/** A written note as typed, not trimmed (drafts): bounded, no control characters but line breaks and tabs. */
export const rawText = (max: number) => z.string().max(max).refine(isWriting, rule('control_characters'));

/** One line, trimmed; required unless `min` is 0. */
export const singleLine = (max: number, { min = 1 }: { min?: number } = {}) =>
  z.string().trim().min(min).max(max).refine(isOneLine, rule('control_characters'));

/** One line that may be left empty: blank is "not given" (null). */
export const optionalLine = (max: number) => singleLine(max, { min: 0 }).transform(blankToNull).nullable();

/** Text of several lines, trimmed; required unless `min` is 0. */
export const multiLine = (max: number, { min = 1 }: { min?: number } = {}) =>
  z.string().trim().min(min).max(max).refine(isLines, rule('control_characters'));

/** Text of several lines that may be left empty: blank is "not given" (null). */
export const optionalText = (max: number) => multiLine(max, { min: 0 }).transform(blankToNull).nullable();

/**
 * A written note (guidance notes, psychologists' entries): the same letters stored the same way (NFC), Windows
 * line ends made plain, trimmed, bounded; line breaks and tabs kept. Required unless `min` is 0.
 */
export const writtenText = (max: number, { min = 1 }: { min?: number } = {}) =>
  z
    .string()
    .normalize('NFC')
    .overwrite((s) => s.replace(/\r\n?/g, '\n').replace(SNIPPET_MARKERS, ''))
    .trim()
    .min(min)
    .max(max)
    .refine(isWriting, rule('control_characters'));

/** A phone number, or blank for "not given" (null). The one rule for participants and partners alike. */
export const phone = singleLine(PHONE_MAX, { min: 0 })
  .refine((s) => s === '' || PHONE.test(s), rule('phone'))
  .transform(blankToNull)
  .nullable();

/** An e-mail address, or blank for "not given" (null). */
export const email = singleLine(EMAIL_MAX, { min: 0 })
  .refine((s) => s === '' || EMAIL.test(s), rule('email'))
  .transform(blankToNull)
  .nullable();

/** A calendar date, 'YYYY-MM-DD'. */
export const isoDate = z.iso.date();
/** A moment in time, ISO 8601 in UTC, as records and the audit log store it. */
export const isoDateTime = z.iso.datetime();
/** 'HH:MM', 24-hour clock. */
export const clockTime = z.string().refine((s) => CLOCK_TIME.test(s), rule('time_format'));
