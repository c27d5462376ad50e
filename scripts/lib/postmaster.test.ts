// Which signals reach PostgreSQL: a Ctrl-C in the terminal (SIGINT to the process group) stops the cluster of
// a test or benchmark run with it, and never reaches the cluster of `npm start`, whose supervisor stops it last.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createClusterIfMissing, embeddedUrl, stopLeftover } from './database';
import { freePort } from '../../tests/faults/support/platform';

let databaseDir = '';
const runs: ChildProcess[] = [];

beforeAll(async () => {
  // Beside the other clusters: as root, PostgreSQL runs as the `postgres` user, who cannot enter a private temp folder.
  databaseDir = path.resolve('.data', `postmaster-test-${randomBytes(4).toString('hex')}`);
  await createClusterIfMissing(databaseDir, () => {});
}, 120_000);

afterAll(async () => {
  for (const run of runs) if (run.exitCode === null && run.signalCode === null) process.kill(-run.pid!, 'SIGKILL');
  await stopLeftover(databaseDir).catch(() => {});
  rmSync(databaseDir, { recursive: true, force: true });
});

// A run that starts the cluster and waits, as a terminal runs it: leading a process group of its own.
async function runStarting(detached: boolean) {
  const port = await freePort();
  const code = `import { startPostmaster } from './scripts/lib/postmaster.ts';
    const server = await startPostmaster({ databaseDir: ${JSON.stringify(databaseDir)}, port: ${port}, flags: [], detached: ${detached}, log: () => {} });
    console.log('pid', server.pid);
    setInterval(() => {}, 1000);`;
  const run = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  runs.push(run);
  const [line] = (await once(readline.createInterface({ input: run.stdout! }), 'line')) as [string];
  return { run, port, postgresPid: Number(line.split(' ')[1]) };
}

// A zombie (exited, its orphan not yet reaped by whoever adopted it) is gone too.
function isAlive(pid: number) {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number) {
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) await sleep(100);
  return !isAlive(pid);
}

describe.skipIf(!existsSync('/proc/self/status'))('a Ctrl-C and the embedded cluster', () => {
  it("stops a test run's cluster with the run", { timeout: 60_000 }, async () => {
    const { run, postgresPid } = await runStarting(false);
    process.kill(-run.pid!, 'SIGINT');
    expect(await gone(postgresPid)).toBe(true);
  });

  it("does not reach npm start's cluster, which its supervisor stops", { timeout: 60_000 }, async () => {
    const { run, port, postgresPid } = await runStarting(true);
    process.kill(-run.pid!, 'SIGINT');
    await once(run, 'exit');
    // Still serving, not in a shutdown that the signal began.
    const sql = postgres(embeddedUrl(port, 'postgres'), { max: 1, onnotice: () => {} });
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    await sql.end();
    await stopLeftover(databaseDir);
    expect(await gone(postgresPid)).toBe(true);
  });
});
