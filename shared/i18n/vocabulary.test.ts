/**
 * One vocabulary: every code (a status, an attendance mark, a topic, a flag kind, a role...) is named in ONE place
 * of the catalogue, its home, and every screen, filter, print and the audit view read that place. These tests fail
 * when a second place starts naming a code set, when a printout names codes of its own, or when one concept is
 * worded two ways. The glossary (code -> fi/sv/en) is in shared/i18n/README.md, "Vocabulary".
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../locales';
import { bundles, lookup, PRINTOUT_WORDING, type Tree } from './bundles';
import { CODE_SETS } from './vocabulary';

/**
 * Groups of keys in the catalogue whose children look like a code set but are a different concept on purpose.
 * Keep this short, and say why: a group here may word the codes differently from their home.
 */
const ALLOWED_GROUPS: Readonly<Record<string, string>> = {
  'attendance.keys':
    "the one letter each mark is typed with in this language (L for läsnä): a key, not a second name; markLetters.test.ts checks each letter starts the mark's own word",
  'psychosocial.add':
    'the form that adds a meeting: its "open" and "done" are the button that opens it and the sentence after saving, not step statuses',
  'printout:print.signatures':
    'the signature lines of a printout: "participant" and "caseworker" name whose signature goes on each line, not who takes a step',
};

/**
 * Concepts that are not a code set but must read the same wherever they are shown: each list of keys must hold
 * the same text in every locale (a trailing colon aside). A concept with a single key needs no entry here; ONE_KEY below keeps it single.
 */
const SAME_TEXT: readonly { concept: string; keys: readonly string[] }[] = [
  {
    concept: 'safety flags, as a heading',
    keys: [
      'flags.title',
      'case.tabs.flags',
      'case.timeline.filters.flags',
      'audit.groups.flags',
      'backup.counts.safety_flags',
      'flags.banner.label',
      'printout:print.sections.flags',
    ],
  },
  {
    concept: 'a due date passed',
    keys: ['assessments.statuses.overdue', 'todayPage.followUps.overdue', 'notes.list.overdue'],
  },
  { concept: 'a cancelled session', keys: ['week.cancelled', 'todayPage.sessions.cancelled', 'printout:schedule.cancelled'] },
  { concept: 'the date of the referral', keys: ['participant.fields.referralDate', 'registry.columns.referralDate'] },
  {
    concept: 'the reason a participant discontinued',
    keys: ['audit.detail.fields.discontinuedReason', 'participant.statusControl.reasonWas'],
  },
];

/** Concepts with exactly one key: no other key of the catalogue or the printout may end with the same name. */
const ONE_KEY: readonly { concept: string; home: string }[] = [
  { concept: 'a session whose topic is not decided yet', home: 'programme.sessions.noTopic' },
];

/** Words retired in favour of the glossary's: a synonym that creeps back makes one concept two again. */
const RETIRED_WORDS: Readonly<Record<Locale, readonly { word: RegExp; use: string }[]>> = {
  fi: [
    { word: /turvallisuusmerkin/i, use: 'turvallisuusvaroitus' },
    { word: /\buhri/i, use: 'osallistuja' },
    { word: /\bpoissa, ilmoitettu/i, use: 'poissa luvalla' },
  ],
  sv: [
    { word: /säkerhetsmarkering/i, use: 'säkerhetsvarning' },
    { word: /\boffer\b/i, use: 'deltagare' },
  ],
  en: [{ word: /\bvictims?\b/i, use: 'participant' }],
};

/** Every group of texts (an object whose values include strings) with its dotted path. */
function groups(tree: Tree, path = ''): { path: string; keys: string[] }[] {
  const own = Object.entries(tree);
  const here = own.some(([, v]) => typeof v === 'string') ? [{ path, keys: own.map(([k]) => k) }] : [];
  return [...here, ...own.flatMap(([k, v]) => (typeof v === 'object' ? groups(v, path ? `${path}.${k}` : k) : []))];
}

/** Every text with its dotted key. */
function texts(tree: Tree, path = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = path ? `${path}.${k}` : k;
    return typeof v === 'string' ? [[key, v] as [string, string]] : texts(v, key);
  });
}

/** Both trees of a locale: the catalogue, and the printout's own wording under "printout:". */
function trees(locale: Locale): { prefix: string; tree: Tree }[] {
  return [
    { prefix: '', tree: bundles[locale] as unknown as Tree },
    { prefix: 'printout:', tree: PRINTOUT_WORDING[locale] },
  ];
}

function textAt(locale: Locale, key: string): string | undefined {
  return key.startsWith('printout:')
    ? lookup(PRINTOUT_WORDING[locale], key.slice('printout:'.length))
    : lookup(bundles[locale] as unknown as Tree, key);
}

/** The groups, in both trees, that name two or more codes of a set and mostly those: a second home of that set. */
function secondNamings(locale: Locale): string[] {
  const homes = new Set(CODE_SETS.map((set) => set.home));
  const found: string[] = [];
  for (const { prefix, tree } of trees(locale)) {
    for (const group of groups(tree)) {
      const path = `${prefix}${group.path}`;
      if (homes.has(path) || Object.hasOwn(ALLOWED_GROUPS, path)) continue;
      for (const set of CODE_SETS) {
        const named = group.keys.filter((key) => set.codes.includes(key));
        if (named.length >= 2 && named.length * 2 >= group.keys.length) {
          found.push(`${path} names ${set.name} codes (${named.join(', ')}); use ${set.home}`);
        }
      }
    }
  }
  return [...new Set(found)];
}

describe('one vocabulary: each code is named in one place', () => {
  it.each(LOCALES)('names every code of every set in its home (%s)', (locale) => {
    const missing = CODE_SETS.flatMap((set) =>
      set.codes.filter((code) => textAt(locale, `${set.home}.${code}`) === undefined).map((code) => `${set.home}.${code}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('has no second group of keys naming a code set, on screen or in a printout (%s)', (locale) => {
    expect(secondNamings(locale)).toEqual([]);
  });

  it('allows each exception for a stated reason', () => {
    for (const [path, reason] of Object.entries(ALLOWED_GROUPS)) expect(reason.length, path).toBeGreaterThan(20);
  });

  it.each(LOCALES)('words each shared concept the same wherever it is shown (%s)', (locale) => {
    const differing = SAME_TEXT.flatMap(({ concept, keys }) => {
      const words = keys.map((key) => textAt(locale, key));
      expect(words, concept).not.toContain(undefined);
      // A label's trailing colon aside ("Reason for discontinuing:" before the reason itself).
      return new Set(words.map((word) => word?.replace(/:$/, ''))).size > 1
        ? [`${concept}: ${keys.map((k, i) => `${k}="${words[i]}"`).join(', ')}`]
        : [];
    });
    expect(differing).toEqual([]);
  });

  it.each(LOCALES)('keeps a single-key concept to its one key (%s)', (locale) => {
    const extra = ONE_KEY.flatMap(({ concept, home }) => {
      expect(textAt(locale, home), concept).toBeDefined();
      const name = home.split('.').at(-1) ?? home;
      return trees(locale).flatMap(({ prefix, tree }) =>
        texts(tree)
          .map(([key]) => `${prefix}${key}`)
          .filter((key) => key !== home && key.split('.').at(-1) === name)
          .map((key) => `${key} names "${concept}" again; use ${home}`),
      );
    });
    expect(extra).toEqual([]);
  });

  it.each(LOCALES)('uses no retired synonym (%s)', (locale) => {
    const found = trees(locale).flatMap(({ prefix, tree }) =>
      texts(tree).flatMap(([key, text]) =>
        RETIRED_WORDS[locale].filter(({ word }) => word.test(text)).map(({ use }) => `${prefix}${key}: "${text}" (use ${use})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('gives no registry column a header that is also the name of a code (%s)', (locale) => {
    const codeNames = new Set(
      CODE_SETS.flatMap((set) => set.codes.map((code) => textAt(locale, `${set.home}.${code}`)?.toLocaleLowerCase())),
    );
    const clashes = texts((bundles[locale] as unknown as Tree).registry as Tree, 'registry')
      .filter(([key, text]) => key.startsWith('registry.columns.') && codeNames.has(text.toLocaleLowerCase()))
      .map(([key, text]) => `${key}: "${text}"`);
    expect(clashes).toEqual([]);
  });
});
