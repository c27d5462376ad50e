import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

export type Env = Record<string, string | undefined>;

const COLORS = { db: 35, web: 36, ocpp: 33, test: 32 } as const;
export type Tag = keyof typeof COLORS;

export function logger(tag: Tag) {
  const prefix = process.stdout.isTTY ? `\x1b[${COLORS[tag]}m[${tag}]\x1b[0m` : `[${tag}]`;
  return (line: string) => console.log(`${prefix} ${line}`);
}

export const NEXT_BIN = 'node_modules/next/dist/bin/next';

// Detached: each child leads a process group of its own. A Ctrl-C in the terminal reaches only the
// supervising script, which stops the children in order, and stopping a child's group stops what it
// started in turn (`next dev` serves from a process of its own, `next build` has workers).
export function startProcess(tag: Tag, command: string, args: string[], env: Env): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = logger(tag);
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', log);
  return child;
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

// SIGTERM, then SIGKILL for what is left after the grace period; done when no process of the group is left.
export async function stopGroup(pgid: number, graceMs = 5000): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!signalGroup(pgid, signal)) return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
      await sleep(50);
      if (!signalGroup(pgid, 0)) return;
    }
  }
}

export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid) await stopGroup(child.pid, graceMs);
}

export function succeeded(tag: Tag, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${tag}: ${child.spawnargs.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

export function run(tag: Tag, command: string, args: string[], env: Env = {}): Promise<void> {
  return succeeded(tag, spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' }));
}
