/**
 * The random-kill suite: a child process (tests/support/fault-child.ts) writes every kind of record through the real
 * dispatch and logs each acknowledged write; it is killed with SIGKILL at a random moment — during plain writes, at
 * start-up, and during each long operation (backup, restore, master-key rotation, passphrase change, unlock). Then a
 * fresh core over the same folder must show: every slot opens the vault (coordinator, colleagues, recovery code),
 * `vault.verify` is clean, every acknowledged write reads back, nothing appears that was never written (beyond the
 * one write in flight at the kill), and no stray file is left. The next child goes on from that state; every
 * `freshEvery` kills it starts over from a new vault. Run by `npm run test:faults` (tests/faults/run.ts) and, in
 * a short form, by `npm test` (tests/unit/random-kills.test.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addColleague, COLLEAGUE_PASSPHRASE, PASSPHRASE, testCore, type TestCore } from './core';
import {
  applyEffects,
  KIND_NAMES,
  loadModel,
  readLog,
  readRecords,
  recordDiff,
  saveModel,
  STAFF,
  type Kind,
  type LogLine,
  type Model,
  type StaffRole,
} from './fault-model';
import { seededRandom } from './seeded-random';
import { openVaultDb } from './raw-db';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/support/fault-child.ts');

/** The files a vault's folder may hold after a start and an unlock; anything else is a stray. */
const VAULT_FILES = /^polku\.(db|keys|attempts|prefs\.json|previous\.db|db-wal|db-shm)$/;

export const KILL_MODES = ['write', 'startup', 'backup', 'restore', 'rotate', 'passphrase', 'unlock'] as const;
export type KillMode = (typeof KILL_MODES)[number];

/** The channel whose dispatch a kill mode cuts. */
const LONG_CHANNEL: Partial<Record<KillMode, string>> = {
  startup: 'vault.unlock',
  backup: 'backup.create',
  restore: 'backup.restore',
  rotate: 'vault.rotateMasterKey',
  passphrase: 'vault.changePassphrase',
  unlock: 'vault.unlock',
};

export interface FaultSuiteOptions {
  seed: number;
  /** Stops after this many kills... */
  kills: number;
  /** ...or once this much time has passed, whichever comes first. */
  minutes?: number;
  /** Starts over from a new vault every this many kills. */
  freshEvery?: number;
  /** Keeps a copy of the folder of each failed check (its model, log, data and backups) in the temp folder. */
  keepFailed?: boolean;
  /** Called after each kill, for a progress line. */
  onKill?: (summary: FaultSummary) => void;
}

export interface FaultFailure {
  kill: number;
  mode: KillMode;
  childSeed: number;
  message: string;
}

export interface FaultSummary {
  seed: number;
  kills: number;
  byMode: Record<KillMode, number>;
  /** Records compared with the acknowledged writes, summed over every check. */
  checked: Record<Kind, number>;
  /** Writes the child had acknowledged, summed over every run. */
  acknowledged: number;
  /** Writes in flight at the kill that were found done (the rest were found not done). */
  inFlightDone: number;
  inFlightNotDone: number;
  failures: FaultFailure[];
  ms: number;
}

/** The real clock: the child runs on it too, and the history checks must not see time going back. */
const REAL_CLOCK = { now: () => Date.now(), advance: () => undefined };

/** A vault with the coordinator (recovery code confirmed), a caseworker and a psychologist, and its model. */
async function newVault(dir: string): Promise<Model> {
  const t = testCore(dir, REAL_CLOCK);
  try {
    const { recoveryCode } = await t.ok('vault.setup', { displayName: STAFF.coordinator, passphrase: PASSPHRASE, locale: 'fi' });
    await t.ok('vault.confirmRecoveryCode', { recoveryCode });
    for (const role of ['caseworker', 'psychologist'] as const) {
      t.core.lock('manual');
      await t.ok('vault.unlock', { name: STAFF.coordinator, passphrase: PASSPHRASE });
      await addColleague(t, STAFF[role], role);
    }
    t.core.lock('manual');
    const db = await openVaultDb(t);
    const records = readRecords(db);
    db.close();
    return {
      passphrases: { coordinator: PASSPHRASE, caseworker: COLLEAGUE_PASSPHRASE, psychologist: COLLEAGUE_PASSPHRASE },
      recoveryCode,
      records,
      backups: [],
      serial: 0,
    };
  } finally {
    t.core.close();
  }
}

interface ChildRun {
  killed: boolean;
  /** Why the child ended on its own (a refused write, a crash), when it did. */
  problem?: string;
}

/** Per channel, how long its dispatch took in earlier runs (the window a kill during it is drawn from). */
const durations = new Map<string, number>();

function runChild(dirs: Dirs, seed: number, mode: KillMode, random: () => number): Promise<ChildRun> {
  const force = mode === 'write' || mode === 'startup' ? [] : [mode];
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dirs.data, dirs.model, dirs.log, dirs.backups, String(seed), ...force],
      {
        cwd: ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let killed = false;
    let armed = false;
    let ready = false;
    let stderr = '';
    let buffered = '';
    const killAfter = (ms: number) => {
      armed = true;
      setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, ms);
    };
    // A child that hangs is killed too, and reported.
    const guard = setTimeout(() => {
      stderr += 'no kill point reached within 120 s\n';
      child.kill('SIGKILL');
    }, 120_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const ack = /^ack (\S+) (\d+)$/.exec(line);
        if (ack) durations.set(ack[1]!, Math.max(Number(ack[2]), ((durations.get(ack[1]!) ?? 0) * 3) / 4));
        if (line === 'ready') ready = true;
        if (armed) continue;
        if (mode === 'write' && line === 'ready') killAfter(random() * 1500);
        const begin = /^begin (\S+)$/.exec(line);
        const channel = LONG_CHANNEL[mode];
        // `startup` cuts the first unlock; `unlock` one after it, among the writes.
        if (begin && begin[1] === channel && (mode === 'startup' ? !ready : ready)) {
          killAfter(random() * 1.3 * (durations.get(channel!) ?? 200));
        }
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (killed && signal === 'SIGKILL') done({ killed: true });
      else done({ killed: false, problem: `child ended with ${code ?? signal}: ${stderr.trim().slice(-2000)}` });
    });
  });
}

interface Dirs {
  root: string;
  data: string;
  backups: string;
  model: string;
  log: string;
}

class CheckFailure extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailure(message);
}

interface Resolution {
  model: Model;
  acknowledged: number;
  inFlight: 'none' | 'done' | 'not done';
}

/**
 * After a kill: the model with every acknowledged write, checked against a fresh core over the folder, the write in
 * flight resolved from what the vault holds. Throws CheckFailure on anything wrong.
 */
async function checkAfterKill(dirs: Dirs, random: () => number): Promise<Resolution> {
  const model = loadModel(dirs.model);
  const lines = readLog(dirs.log);
  let inFlight: Extract<LogLine, { t: 'begin' }> | null = null;
  let acknowledged = 0;
  for (const line of lines) {
    if (line.t === 'begin') inFlight = line;
    else {
      applyEffects(model, line.effects);
      acknowledged++;
      inFlight = null;
    }
  }
  try {
    return await checkAgainst(dirs, model, inFlight, acknowledged, random);
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    const at = inFlight ? `a kill during ${inFlight.channel}` : 'a kill between writes';
    throw new CheckFailure(`after ${at}: ${error.message}`);
  }
}

/**
 * An unlock tried again once its wait is over, as a user does when the screen says to wait: the checks try every
 * slot, and after a rotation cut off by the kill the refused ones (recovery code, colleagues) add up to the growing
 * wait (electron/core/vault/throttle.ts).
 */
async function patiently<R extends { ok: boolean; code?: string; details?: unknown }>(attempt: () => Promise<R>): Promise<R> {
  for (;;) {
    const result = await attempt();
    if (result.ok || result.code !== 'throttled') return result;
    const wait = (result.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 5_000;
    await new Promise((resolve) => setTimeout(resolve, wait + 50));
  }
}

async function checkAgainst(
  dirs: Dirs,
  model: Model,
  inFlight: Extract<LogLine, { t: 'begin' }> | null,
  acknowledged: number,
  random: () => number,
): Promise<Resolution> {
  let changed = false;
  const t: TestCore = testCore(dirs.data, REAL_CLOCK);
  try {
    // Every slot opens the vault, the first one drawn at random (the first unlock after a crash finishes its work).
    const slots: (StaffRole | 'recovery code')[] = ['coordinator', 'caseworker', 'psychologist', 'recovery code'];
    const first = slots.splice(Math.floor(random() * slots.length), 1)[0]!;
    let recoveryRefused = false;
    const failedTries: string[] = [];
    let slotsDropped = false;
    for (const slot of [first, ...slots]) {
      if (slot === 'recovery code') {
        const result = await patiently(() => t.call('vault.unlockWithRecoveryCode', { recoveryCode: model.recoveryCode }));
        if (!result.ok) {
          check(result.code === 'wrong_recovery_code', `the recovery code answers ${result.code}`);
          recoveryRefused = true;
        }
      } else {
        const known = model.passphrases[slot];
        if (known === null) continue;
        const candidates = [known];
        if (inFlight?.passphrase === slot && inFlight.value) candidates.push(inFlight.value);
        let opened = false;
        for (const passphrase of candidates) {
          const result = await patiently(() => t.call('vault.unlock', { name: STAFF[slot], passphrase }));
          if (result.ok) {
            if (passphrase !== model.passphrases[slot]) changed = true;
            model.passphrases[slot] = passphrase;
            opened = true;
            break;
          }
          check(result.code === 'wrong_passphrase', `${slot}'s unlock answers ${result.code}`);
          failedTries.push(slot);
        }
        // A rotation in flight that the unlocks finished drops the colleagues' slots (checked below: it then asks for a
        // new recovery code).
        if (!opened && inFlight?.rotation && slot !== 'coordinator') {
          model.passphrases[slot] = null;
          slotsDropped = true;
          continue;
        }
        check(
          opened,
          `${slot}'s passphrase does not open the vault (first tried: ${first}; refused before: ${failedTries.join(', ')})`,
        );
      }
      t.core.lock('manual');
    }
    // The unlock that finished a rotation cut off by the kill may have been a colleague's: her old slot opened the
    // vault that once and went with the other colleagues' slots, as after any rotation (docs/security.md).
    if (inFlight?.rotation) {
      for (const slot of ['caseworker', 'psychologist'] as const) {
        const known = model.passphrases[slot];
        if (known === null) continue;
        const again = await patiently(() => t.call('vault.unlock', { name: STAFF[slot], passphrase: known }));
        if (again.ok) {
          t.core.lock('manual');
          continue;
        }
        check(again.code === 'wrong_passphrase', `${slot}'s second unlock answers ${again.code}`);
        model.passphrases[slot] = null;
        slotsDropped = true;
      }
    }
    const unlocked = await patiently(() =>
      t.call('vault.unlock', { name: STAFF.coordinator, passphrase: model.passphrases.coordinator! }),
    );
    if (!unlocked.ok) throw new Error(`vault.unlock failed: ${unlocked.code}`);
    const session = unlocked.value;
    check(!session.historyProblem, `a history alarm after the kill: ${JSON.stringify(session.historyProblem)}`);
    check(!recoveryRefused || session.recoveryPending, 'the recovery code no longer opens, and no new one is asked for');
    check(!slotsDropped || session.recoveryPending, "a colleague's passphrase is refused after a rotation that did not finish");
    if (session.recoveryPending) {
      // What the coordinator does when asked: a new code, confirmed.
      const { recoveryCode } = await t.ok('vault.newRecoveryCode', { currentPassphrase: model.passphrases.coordinator! });
      await t.ok('vault.confirmRecoveryCode', { recoveryCode });
      model.recoveryCode = recoveryCode;
    }
    const verified = await t.ok('vault.verify', {});
    check(
      verified.firstBadPage === null && verified.integrity && verified.auditFirstBadRow === null,
      `vault.verify: ${JSON.stringify(verified)}`,
    );
    const strays = readdirSync(dirs.data).filter((name) => !VAULT_FILES.test(name));
    check(strays.length === 0, `stray files in the data folder: ${strays.join(', ')}`);
    const tempBackups = readdirSync(dirs.backups).filter((name) => !name.endsWith('.polkubackup'));
    check(tempBackups.length === 0, `stray files beside the backups: ${tempBackups.join(', ')}`);

    const db = await openVaultDb(t, model.passphrases.coordinator!);
    let found;
    try {
      found = readRecords(db);
    } finally {
      db.close();
    }
    let resolved: Resolution['inFlight'] = inFlight ? 'not done' : 'none';
    const restored = inFlight?.restore ? model.backups.find((b) => b.file === inFlight.restore) : undefined;
    if (restored && recordDiff(restored.records, found).length === 0 && recordDiff(model.records, found).length > 0) {
      model.records = structuredClone(restored.records);
      resolved = 'done';
    }
    const allowed = new Set<Kind>(inFlight?.kinds ?? []);
    const diff = recordDiff(model.records, found);
    const unexplained = diff.filter((d) => !allowed.has(d.kind) || d.found === undefined);
    const describe = (d: (typeof diff)[number]) =>
      d.found === undefined
        ? `${d.kind} ${d.key} acknowledged (${d.expected}) but missing`
        : d.expected === undefined
          ? `${d.kind} ${d.key} (${d.found}) never written`
          : `${d.kind} ${d.key}: acknowledged ${d.expected}, found ${d.found}`;
    check(unexplained.length === 0, unexplained.slice(0, 5).map(describe).join('; '));
    if (diff.length > 0) {
      resolved = 'done';
      for (const d of diff) model.records[d.kind][d.key] = d.found!;
    }
    if (inFlight?.passphrase && changed) resolved = 'done';
    model.serial += 1000;
    saveModel(dirs.model, model);
    rmSync(dirs.log, { force: true });
    return { model, acknowledged, inFlight: resolved };
  } finally {
    t.core.close();
  }
}

/** Runs the suite; never throws for a failed check (it is in the summary, with the seeds to reproduce it). */
export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultSummary> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const freshEvery = options.freshEvery ?? 25;
  const summary: FaultSummary = {
    seed: options.seed,
    kills: 0,
    byMode: Object.fromEntries(KILL_MODES.map((m) => [m, 0])) as Record<KillMode, number>,
    checked: Object.fromEntries(KIND_NAMES.map((k) => [k, 0])) as Record<Kind, number>,
    acknowledged: 0,
    inFlightDone: 0,
    inFlightNotDone: 0,
    failures: [],
    ms: 0,
  };
  const work = mkdtempSync(join(tmpdir(), 'polku-faults-'));
  // One vault made once and copied at every fresh start (the setup's KDF runs are the slow part).
  const template = join(work, 'template');
  mkdirSync(join(template, 'data'), { recursive: true });
  mkdirSync(join(template, 'backups'));
  saveModel(join(template, 'model.json'), await newVault(join(template, 'data')));
  let dirs: Dirs | null = null;
  let run = 0;
  try {
    while (summary.kills < options.kills && (!options.minutes || Date.now() - started < options.minutes * 60_000)) {
      if (!dirs || summary.kills % freshEvery === 0) {
        if (dirs) rmSync(dirs.root, { recursive: true, force: true });
        const root = join(work, `run-${run++}`);
        cpSync(template, root, { recursive: true });
        dirs = {
          root,
          data: join(root, 'data'),
          backups: join(root, 'backups'),
          model: join(root, 'model.json'),
          log: join(root, 'log'),
        };
      }
      // Every other kill among plain writes, the others at start-up and in each long operation in turn, so that
      // a short run covers them all.
      const mode = summary.kills % 2 === 0 ? 'write' : KILL_MODES[1 + ((summary.kills >> 1) % (KILL_MODES.length - 1))]!;
      const childSeed = Math.floor(random() * 2 ** 31);
      const kill = summary.kills++;
      summary.byMode[mode]++;
      const fail = (message: string) => {
        // The folder as the check found it (synthetic data only), for a look after the run.
        const kept = options.keepFailed ? mkdtempSync(join(tmpdir(), `polku-faults-failed-${kill}-`)) : null;
        if (kept && dirs) cpSync(dirs.root, kept, { recursive: true });
        summary.failures.push({ kill, mode, childSeed, message: kept ? `${message} (folder kept: ${kept})` : message });
        // A broken state is not built upon: the next kill starts from a new vault.
        dirs = null;
      };
      try {
        const child = await runChild(dirs, childSeed, mode, random);
        if (!child.killed) {
          fail(child.problem ?? 'the child ended on its own');
          continue;
        }
        const resolution = await checkAfterKill(dirs, random);
        summary.acknowledged += resolution.acknowledged;
        if (resolution.inFlight === 'done') summary.inFlightDone++;
        if (resolution.inFlight === 'not done') summary.inFlightNotDone++;
        for (const kind of KIND_NAMES) summary.checked[kind] += Object.keys(resolution.model.records[kind]).length;
      } catch (error) {
        fail(error instanceof CheckFailure ? error.message : String((error as Error).stack ?? error));
      } finally {
        summary.ms = Date.now() - started;
        options.onKill?.(summary);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  summary.ms = Date.now() - started;
  return summary;
}

/** The summary as lines for a terminal. */
export function formatSummary(s: FaultSummary): string[] {
  const modes = KILL_MODES.map((m) => `${m} ${s.byMode[m]}`).join(', ');
  const kinds = KIND_NAMES.filter((k) => s.checked[k] > 0)
    .map((k) => `${k} ${s.checked[k]}`)
    .join(', ');
  const lines = [
    `${s.kills} kills in ${(s.ms / 1000).toFixed(0)} s (seed ${s.seed}): ${modes}`,
    `${s.acknowledged} acknowledged writes; the write in flight at the kill was found done ${s.inFlightDone} times, not done ${s.inFlightNotDone} times`,
    `records checked: ${kinds}`,
    s.failures.length === 0 ? 'no failures' : `${s.failures.length} failures:`,
  ];
  for (const f of s.failures)
    lines.push(
      `  kill ${f.kill} (${f.mode}, child seed ${f.childSeed}; rerun: --seed ${s.seed} --kills ${f.kill + 1}): ${f.message}`,
    );
  return lines;
}
