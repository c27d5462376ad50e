import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export type Env = Record<string, string | undefined>;

const COLORS = { db: 35, web: 36, ocpp: 33, test: 32 } as const;
export type Tag = keyof typeof COLORS;

export function logger(tag: Tag) {
  const prefix = process.stdout.isTTY ? `\x1b[${COLORS[tag]}m[${tag}]\x1b[0m` : `[${tag}]`;
  return (line: string) => console.log(`${prefix} ${line}`);
}

export const NEXT_BIN = 'node_modules/next/dist/bin/next';

// Detached: a Ctrl-C in the terminal reaches only the supervising script, which stops children in order.
export function startProcess(tag: Tag, command: string, args: string[], env: Env): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = logger(tag);
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', log);
  return child;
}

export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function run(tag: Tag, command: string, args: string[], env: Env = {}): Promise<void> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${tag}: ${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}
