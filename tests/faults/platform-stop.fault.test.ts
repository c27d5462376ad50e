import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stopLeftover } from '../../scripts/lib/database';
import { isAnswering, startCpuHogs, startPlatform, waitUntilServing, type PlatformRun } from './support/platform';
import { HAS_PROC_TABLE, isRunning, processesCarrying, processTable, processTree, type ProcessEntry } from './support/process-table';

const DATABASE_DIR = path.resolve('.data', 'postgres-platform-stop');
// The e2e step's build folder: tsconfig.json already knows it, and `npm test` runs its steps one after another.
const DIST_DIR = '.next-test';
// `npm start` builds the web app first; on a loaded two-core machine that alone takes minutes.
const START_MS = 480_000;
// Far above any plausible stop: a bound on waiting, not a performance target.
const STOP_MS = 120_000;

let run: PlatformRun | null = null;
let stopHogs = () => {};

function everythingStarted(platform: PlatformRun): ProcessEntry[] {
  const table = processTable();
  const started = [...processTree(platform.npm.pid!, table), ...processesCarrying(platform.marker, table)];
  return started.filter((entry, index) => started.findIndex((other) => other.pid === entry.pid) === index);
}

function stillRunning(platform: PlatformRun, started: ProcessEntry[]): ProcessEntry[] {
  const running = [...started.filter(isRunning), ...processesCarrying(platform.marker)];
  return running.filter((entry, index) => running.findIndex((other) => other.pid === entry.pid) === index);
}

async function waitUntilStopped(platform: PlatformRun, started: ProcessEntry[]): Promise<ProcessEntry[]> {
  const deadline = Date.now() + STOP_MS;
  let running = stillRunning(platform, started);
  while (running.length > 0 && Date.now() < deadline) {
    await sleep(250);
    running = stillRunning(platform, started);
  }
  return running;
}

async function startUnderLoad(): Promise<{ platform: PlatformRun; started: ProcessEntry[] }> {
  const platform = await startPlatform({ databaseDir: DATABASE_DIR, distDir: DIST_DIR });
  run = platform;
  await waitUntilServing(platform, START_MS);
  const started = everythingStarted(platform);
  stopHogs = startCpuHogs(STOP_MS + 60_000);
  // Let the hogs take the cores before the signal arrives.
  await sleep(1000);
  return { platform, started };
}

async function expectEverythingStopped(platform: PlatformRun, started: ProcessEntry[]) {
  const signalledAt = performance.now();
  const running = await waitUntilStopped(platform, started);
  console.log(`fault:platform-stop ${started.length} processes, the last gone ${Math.round(performance.now() - signalledAt)} ms after the signal`);
  expect(running.map((entry) => `${entry.pid} ${entry.command}`)).toEqual([]);
  for (const [name, port] of Object.entries(platform.ports)) expect(await isAnswering(port), `${name} port ${port}`).toBe(false);
}

// An orderly stop: each server finishes its own shutdown (the OCPP server writes its chargers offline) before
// PostgreSQL goes, so none logs an error and PostgreSQL cuts no connection from under it. (Not for a SIGKILL of the
// supervisor: what its children log after it is gone reaches no one.)
function expectCleanLog(platform: PlatformRun) {
  expect(platform.lines.filter((line) => /"level":(50|60)|FATAL:\s+terminating connection|PANIC/.test(line))).toEqual([]);
}

beforeAll(() => stopLeftover(DATABASE_DIR));

function killIfRunning(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// What a failed case left behind must not hold the ports and the data directory for the next one.
afterEach(async () => {
  stopHogs();
  if (!run) return;
  await stopLeftover(DATABASE_DIR).catch(() => {});
  for (const entry of processesCarrying(run.marker)) killIfRunning(entry.pid);
  killIfRunning(-run.npm.pid!);
  run = null;
});

describe.skipIf(!HAS_PROC_TABLE)('npm start stopped on a machine whose cores are all busy', () => {
  it('stops the web app, the OCPP server and PostgreSQL on Ctrl-C (SIGINT to its process group)', { timeout: START_MS + STOP_MS + 60_000 }, async () => {
    const { platform, started } = await startUnderLoad();
    process.kill(-platform.npm.pid!, 'SIGINT');
    await expectEverythingStopped(platform, started);
    expectCleanLog(platform);
  });

  it('stops everything on SIGTERM to its process group', { timeout: START_MS + STOP_MS + 60_000 }, async () => {
    const { platform, started } = await startUnderLoad();
    process.kill(-platform.npm.pid!, 'SIGTERM');
    await expectEverythingStopped(platform, started);
    expectCleanLog(platform);
  });

  it('stops everything on SIGTERM to npm alone, as a process manager sends it', { timeout: START_MS + STOP_MS + 60_000 }, async () => {
    const { platform, started } = await startUnderLoad();
    platform.npm.kill('SIGTERM');
    await expectEverythingStopped(platform, started);
    expectCleanLog(platform);
  });

  it('leaves nothing running when the supervisor itself is killed with SIGKILL', { timeout: START_MS + STOP_MS + 60_000 }, async () => {
    const { platform, started } = await startUnderLoad();
    const ocpp = started.find((entry) => entry.command.includes('ocpp-server/src/main.ts'));
    expect(ocpp).toBeDefined();
    process.kill(ocpp!.ppid, 'SIGKILL');
    await expectEverythingStopped(platform, started);
  });
});
