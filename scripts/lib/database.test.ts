// A cluster left running by a killed run is stopped before a restartable one starts in its
// directory: only when the pid its postmaster.pid names is PostgreSQL, and never waiting for ever.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stopLeftover } from './database';

const started: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// A process that writes each signal it gets and, unless told to ignore SIGINT, exits on it.
async function processNamed(argv0: string, { ignoresSigint = false } = {}) {
  const script = `process.on('SIGINT', () => { process.stdout.write('SIGINT\\n'); ${ignoresSigint ? '' : 'process.exit(0);'} }); process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { argv0, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += String(chunk)));
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { child, output: () => output };
}

function clusterDirNaming(pid: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'leftover-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'postmaster.pid'), `${pid}\n${dir}\n1700000000\n54999\n/tmp\nlocalhost\n`);
  return dir;
}

describe('stopping a leftover cluster', () => {
  it('leaves alone an unrelated process that now holds the pid a stale postmaster.pid names', async () => {
    const { child, output } = await processNamed('node');
    await stopLeftover(clusterDirNaming(child.pid!), { timeoutMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output()).not.toContain('SIGINT');
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
  });

  it('stops a PostgreSQL server that is still running', async () => {
    const { child, output } = await processNamed('/opt/pg/bin/postgres');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await stopLeftover(clusterDirNaming(child.pid!));
    await exited;
    expect(output()).toContain('SIGINT');
  });

  it('gives up with a clear error when the server does not stop in time', async () => {
    const { child, output } = await processNamed('postgres', { ignoresSigint: true });
    await expect(stopLeftover(clusterDirNaming(child.pid!), { timeoutMs: 500 })).rejects.toThrow(
      new RegExp(`PostgreSQL \\(pid ${child.pid}\\) .* did not stop within 0.5 s of SIGINT`),
    );
    expect(output()).toContain('SIGINT');
  });
});
