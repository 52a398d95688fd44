import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clockTime, email, multiLine, optionalLine, phone, rawLine, singleLine, writtenText } from './text-fields';
import { issueMessage } from './validation';

/** The i18n key the form and dispatch() show for the first problem, or null when the value is accepted. */
function messageFor(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? issueMessage('field', issue).key : 'no issue';
}

describe('a phone number', () => {
  it('is digits with the usual separators, with or without a leading +', () => {
    for (const number of ['+358 40 123 4567', '040-123 4567', '(09) 123 456', '040.123.4567'])
      expect(messageFor(phone, number), number).toBeNull();
  });

  it('needs at least five digits: dashes, brackets or letters alone are refused with the phone sentence', () => {
    for (const number of ['-----', '(( ))', '+358', '12', 'call me', '040-CALL-ME'])
      expect(messageFor(phone, number), number).toBe('validation.phone');
  });

  it('left blank is "not given"', () => {
    expect(phone.parse('  ')).toBeNull();
    expect(phone.parse(null)).toBeNull();
  });
});

describe('an e-mail address', () => {
  it('is refused with the e-mail sentence when it is no address', () => {
    for (const address of ['maija.example.fi', 'maija@example', 'maija @example.fi'])
      expect(messageFor(email, address), address).toBe('validation.email');
    expect(messageFor(email, 'maija@example.fi')).toBeNull();
    expect(email.parse('')).toBeNull();
  });
});

describe('the control-character rule', () => {
  it('refuses line breaks, tabs and escapes in one line', () => {
    for (const text of ['a\nb', 'a\tb', 'a\u001b[31m', 'a\u0000'])
      expect(messageFor(singleLine(20), text), JSON.stringify(text)).toBe('validation.control_characters');
    expect(messageFor(rawLine(20), 'a\tb')).toBe('validation.control_characters');
    expect(messageFor(optionalLine(20), 'a\rb')).toBe('validation.control_characters');
  });

  it('lets a text of several lines have line breaks, and a written note tabs as well', () => {
    expect(messageFor(multiLine(20), 'a\nb')).toBeNull();
    expect(messageFor(multiLine(20), 'a\tb')).toBe('validation.control_characters');
    expect(writtenText(20).parse(' a\r\n\tb ')).toBe('a\n\tb');
    expect(messageFor(writtenText(20), 'a\u0007b')).toBe('validation.control_characters');
  });
});

describe('a clock time', () => {
  it('is HH:MM on the 24-hour clock, and anything else says so', () => {
    expect(messageFor(clockTime, '09:30')).toBeNull();
    for (const time of ['9:30', '24:00', '09:60', '09.30'])
      expect(messageFor(clockTime, time), time).toBe('validation.time_format');
  });
});
