import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { buildRegistry, HANDLER_GROUPS } from './registry';

/**
 * A newcomer finds a channel by its name: `x.verb` is declared in shared/x.ts and handled in
 * electron/core/x/handlers.ts, and every handler file's group is in HANDLER_GROUPS.
 */
const SHARED = join(__dirname, '../../shared');
const CHANNELS = Object.keys(api);
const domainOf = (channel: string) => channel.slice(0, channel.indexOf('.'));

type Exports = Record<string, unknown>;
const hasKey = (value: unknown, key: string) => typeof value === 'object' && value !== null && Object.hasOwn(value, key);

/** The exports of a module named by its path, or null when there is no such file. */
async function exportsOf(file: string): Promise<Exports | null> {
  return existsSync(file) ? ((await import(file)) as Exports) : null;
}

/** Every `electron/core/<folder>/handlers.ts`, read from the folder, with its exported handler groups. */
async function handlerFiles(): Promise<{ folder: string; groups: [string, object][] }[]> {
  const folders = readdirSync(__dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(__dirname, entry.name, 'handlers.ts')))
    .map((entry) => entry.name);
  return Promise.all(
    folders.map(async (folder) => {
      const module = (await exportsOf(join(__dirname, folder, 'handlers.ts'))) ?? {};
      const groups = Object.entries(module).filter(
        (entry): entry is [string, object] => entry[0].endsWith('Handlers') && typeof entry[1] === 'object' && entry[1] !== null,
      );
      return { folder, groups };
    }),
  );
}

describe('the contract, laid out like the code', () => {
  it('declares every channel x.verb in shared/x.ts', async () => {
    const problems: string[] = [];
    for (const channel of CHANNELS) {
      const file = `shared/${domainOf(channel)}.ts`;
      const module = await exportsOf(join(SHARED, `${domainOf(channel)}.ts`));
      if (module === null) problems.push(`${channel} has no ${file}`);
      else if (!Object.entries(module).some(([name, value]) => name.endsWith('Channels') && hasKey(value, channel)))
        problems.push(`${channel} is not declared in ${file}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares in shared/x.ts only channels named x.verb, each once', async () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const files = readdirSync(SHARED).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    for (const name of files) {
      const module = (await exportsOf(join(SHARED, name))) ?? {};
      for (const [exported, value] of Object.entries(module)) {
        if (!exported.endsWith('Channels') || typeof value !== 'object' || value === null) continue;
        for (const channel of Object.keys(value)) {
          if (`${domainOf(channel)}.ts` !== name) problems.push(`${channel} is declared in shared/${name}`);
          const before = seen.get(channel);
          if (before) problems.push(`${channel} is declared in shared/${before} and again in shared/${name}`);
          seen.set(channel, name);
          if (!Object.hasOwn(api, channel)) problems.push(`${channel} of shared/${name} is not in shared/api.ts`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('handles every channel x.verb in electron/core/x/handlers.ts', async () => {
    const files = new Map((await handlerFiles()).map((file) => [file.folder, file.groups]));
    const problems = CHANNELS.filter((channel) => {
      const groups = files.get(domainOf(channel)) ?? [];
      return !groups.some(([, group]) => hasKey(group, channel));
    }).map((channel) => `${channel} is not handled in electron/core/${domainOf(channel)}/handlers.ts`);
    expect(problems).toEqual([]);
  });

  it('handles in electron/core/x/handlers.ts only channels named x.verb', async () => {
    const problems = (await handlerFiles()).flatMap(({ folder, groups }) =>
      groups.flatMap(([, group]) =>
        Object.keys(group)
          .filter((channel) => domainOf(channel) !== folder)
          .map((channel) => `${channel} is handled in electron/core/${folder}/handlers.ts`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('lists the handler group of every electron/core/*/handlers.ts in HANDLER_GROUPS, and nothing else', async () => {
    const files = await handlerFiles();
    const exported = files.flatMap(({ folder, groups }) => groups.map(([name, group]) => ({ folder, name, group })));
    const unlisted = exported
      .filter(({ group }) => !HANDLER_GROUPS.includes(group))
      .map(({ folder, name }) => `${name} of electron/core/${folder}/handlers.ts is not in HANDLER_GROUPS`);
    expect(unlisted).toEqual([]);
    const strangers = HANDLER_GROUPS.filter((group) => !exported.some((file) => file.group === group));
    expect(strangers.map((group) => Object.keys(group).join(', '))).toEqual([]);
  });

  it('handles each channel exactly once', () => {
    expect(() => buildRegistry(HANDLER_GROUPS)).not.toThrow();
    const twice = { 'vault.lock': { kind: 'core', run: () => null } } as const;
    expect(() => buildRegistry([...HANDLER_GROUPS, twice])).toThrow('channel vault.lock is handled twice');
  });
});
