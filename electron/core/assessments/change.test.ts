import { describe, expect, it } from 'vitest';
import { median } from '@shared/assessments';
import { cohortChange, domainMove, type ParticipantChangeInput } from './change';

/*
 * Six participants, three domains; positions are ordinal steps (0 = the scale's lowest). By hand:
 *
 *            finnish (L S R W)                 digital (phone email bank)     selfConfidence (self [caseworker])
 *   P1  1 1 2 0 → med 1 | 2 2 3 1 → 2   up      1 0 0 → 0 | 2 1 1 → 1  up      2 → 4                      up
 *   P2  2 2 2 2 → 2     | 2 2 2 2 → 2   same    2 2 1 → 2 | 2 1 1 → 1  down    3 → 3                      same
 *   P3  intake only                      missing                        missing                            missing
 *   P4  L1 S1 R3 W3 | L2 S2 (R, W not scored at exit): paired L S only, 1 → 2 up
 *                                                   digital not assessed at exit: missing   4 → 3         down
 *       (counting the unpaired items, the intake's median would be 2 and this would wrongly read "same")
 *   P5  0 0 0 0 → 0     | 1 0 0 1 → 0.5 up      1 1 1 → 1 | 1 1 1 → 1  same    self 1, cw 2 → 1.5 |
 *                                                                              self 2, cw 1 → 1.5         same
 *   P6  exit only                        missing                        missing                            missing
 *
 *   domain           up  same  down  missing  n
 *   finnish           3     1     0        2  6
 *   digital           1     1     1        3  6
 *   selfConfidence    1     2     1        2  6
 */
const finnish = (L: number, S: number, R: number, W: number) => ({ listening: L, speaking: S, reading: R, writing: W });
const digital = (phone: number, email: number, bank: number) => ({ phone, email, bank });

const FIXTURE: ParticipantChangeInput[] = [
  {
    intake: { finnish: finnish(1, 1, 2, 0), digital: digital(1, 0, 0), selfConfidence: { self: 2 } },
    exit: { finnish: finnish(2, 2, 3, 1), digital: digital(2, 1, 1), selfConfidence: { self: 4 } },
  },
  {
    intake: { finnish: finnish(2, 2, 2, 2), digital: digital(2, 2, 1), selfConfidence: { self: 3 } },
    exit: { finnish: finnish(2, 2, 2, 2), digital: digital(2, 1, 1), selfConfidence: { self: 3 } },
  },
  {
    intake: { finnish: finnish(0, 0, 0, 0), digital: digital(0, 0, 0), selfConfidence: { self: 1 } },
  },
  {
    intake: { finnish: finnish(1, 1, 3, 3), digital: digital(1, 1, 1), selfConfidence: { self: 4 } },
    exit: { finnish: { listening: 2, speaking: 2 }, selfConfidence: { self: 3 } },
  },
  {
    intake: { finnish: finnish(0, 0, 0, 0), digital: digital(1, 1, 1), selfConfidence: { self: 1, caseworker: 2 } },
    exit: { finnish: finnish(1, 0, 0, 1), digital: digital(1, 1, 1), selfConfidence: { self: 2, caseworker: 1 } },
  },
  {
    intake: null,
    exit: { finnish: finnish(3, 3, 3, 3), digital: digital(3, 3, 3), selfConfidence: { self: 5 } },
  },
];

describe('a cohort’s change from intake to exit', () => {
  it('counts up, same, down and not comparable per domain, as in the table worked out by hand', () => {
    expect(cohortChange(['finnish', 'digital', 'selfConfidence'], FIXTURE)).toEqual([
      { domain: 'finnish', up: 3, same: 1, down: 0, missing: 2, n: 6 },
      { domain: 'digital', up: 1, same: 1, down: 1, missing: 3, n: 6 },
      { domain: 'selfConfidence', up: 1, same: 2, down: 1, missing: 2, n: 6 },
    ]);
  });

  it('lists the domains in the order given, one nobody was scored in as all missing, and ignores the rest', () => {
    expect(cohortChange(['rights', 'selfConfidence'], FIXTURE)).toEqual([
      { domain: 'rights', up: 0, same: 0, down: 0, missing: 6, n: 6 },
      { domain: 'selfConfidence', up: 1, same: 2, down: 1, missing: 2, n: 6 },
    ]);
    expect(cohortChange(['finnish'], [])).toEqual([{ domain: 'finnish', up: 0, same: 0, down: 0, missing: 0, n: 0 }]);
  });

  it('holds no names or ids: only domains and counts come out', () => {
    const out = cohortChange(['finnish'], FIXTURE);
    expect(Object.keys(out[0]!).sort()).toEqual(['domain', 'down', 'missing', 'n', 'same', 'up']);
  });
});

describe('one domain of one participant', () => {
  it('compares the medians of the items scored at both stages', () => {
    expect(domainMove({ a: 0, b: 2, c: 1 }, { a: 1, b: 2, c: 1 })).toBe(0);
    expect(domainMove({ a: 0, b: 0 }, { a: 0, b: 1 })).toBe(1);
    expect(domainMove({ a: 2 }, { a: 1 })).toBe(-1);
  });

  it('cannot be compared without both stages or without an item scored at both', () => {
    expect(domainMove(undefined, { a: 1 })).toBeNull();
    expect(domainMove({ a: 1 }, undefined)).toBeNull();
    expect(domainMove({ a: 1 }, { b: 1 })).toBeNull();
    expect(domainMove({ a: Number.NaN }, { a: 1 })).toBeNull();
  });

  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});
