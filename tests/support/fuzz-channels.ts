/**
 * The fuzz test every record type's channels share: random and boundary payloads through the real dispatch, each
 * answered with a known result code (never `internal`), a refusal writing nothing to the tables named, and the
 * database intact afterwards. Each domain brings its own payloads (near-valid requests) and its own extra checks.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Channel } from '@shared/api';
import { ERROR_CODES } from '@shared/errors';
import type { Db } from '../../electron/core/db/open';
import type { TestCore } from './core';

export interface ChannelFuzz {
  t: TestCore;
  /** A second connection to the vault, to count rows before and after each request. */
  db: Db;
  /** The payloads: a channel and its input. */
  requests: fc.Arbitrary<[Channel, unknown]>;
  /** The tables a refused request must leave as they were. */
  tables: readonly string[];
  /** Every channel that must answer some payload successfully: the payloads reach the handlers, not only the schema. */
  channels: readonly Channel[];
  numRuns?: number;
  seed: number;
}

/**
 * The long form's cases a channel (`POLKU_FUZZ_RUNS`, set by `npm run test:faults -- --fuzz`), or null for the
 * everyday run's fixed counts.
 */
export function longFuzzRuns(): number | null {
  const runs = Number(process.env.POLKU_FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : null;
}

/**
 * A fuzz test's time limit: its everyday one, or room for the long form's cases over `channelCount` channels (a few
 * ms each on a busy machine).
 */
export function fuzzTimeout(everyday: number, channelCount: number): number {
  const runs = longFuzzRuns();
  return runs === null ? everyday : Math.max(everyday, runs * channelCount * 20);
}

/** Runs the payloads through dispatch and checks what every channel must hold to (see the file's comment). */
export async function fuzzChannels(o: ChannelFuzz): Promise<void> {
  const counts = () =>
    o.tables.map((table) => (o.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).join(',');
  const handled = new Set<string>();
  await fc.assert(
    fc.asyncProperty(o.requests, async ([channel, input]) => {
      const before = counts();
      const result = await o.t.core.dispatch(channel, input, { trustedSender: true });
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) handled.add(channel);
      else {
        expect(ERROR_CODES).toContain(result.code);
        expect(result.code).not.toBe('internal');
        expect(counts()).toBe(before);
      }
    }),
    // The long form: its count for every channel of the domain.
    { numRuns: (longFuzzRuns() ?? 0) * o.channels.length || (o.numRuns ?? 300), seed: o.seed },
  );
  expect([...handled].sort()).toEqual([...o.channels].sort());
  expect(o.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

/**
 * Payloads for a domain's channels: one in five anything at all, the others the channel's near-valid shape with, now
 * and then, a stray key the schema must refuse.
 */
export function shapedRequests(
  channels: readonly Channel[],
  shapes: Record<string, fc.Arbitrary<Record<string, unknown>>>,
  stray: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<[Channel, unknown]> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...channels), fc.anything()) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(...channels).chain((channel) =>
        fc.tuple(
          fc.constant(channel),
          fc.tuple(shapes[channel]!, stray).map(([fields, extra]) => ({ ...fields, ...extra })),
        ),
      ),
    },
  );
}

/** A field of a near-valid payload: mostly its valid value, else one of the wrong or boundary values given. */
export function validOr<T>(valid: T, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, wrong);
}

/**
 * Texts a written field is fuzzed with: random strings and graphemes, the awkward ones (empty, blank, a NUL, a
 * Windows line break, private-use characters), and for each of the fields' limits a text just at it and one over.
 */
export function writtenTexts(...limits: number[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 64 }),
    fc.constantFrom(
      '',
      '   ',
      'a\u0000b',
      'rivi\r\nrivi',
      '\uE000x\uE001',
      ...limits.flatMap((n) => ['x'.repeat(n), 'x'.repeat(n + 1)]),
    ),
  );
}
