import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { track } from '../lib/children';

export type ServerKind = 'bare' | 'platform';
export type SpawnedServer = { kind: ServerKind; port: number; child: ChildProcess; pid: number };

const ENTRIES: Record<ServerKind, string> = { bare: 'bench/bare-server.ts', platform: 'bench/ocpp/db-server.ts' };

export function spawnServer(kind: ServerKind, env: Record<string, string>): Promise<SpawnedServer> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', ENTRIES[kind]], {
      env: { ...process.env, LOG_LEVEL: 'warn', OCPP_PORT: '0', OCPP_HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const errors: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => void (errors.length < 50 && errors.push(line)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start: ${errors.slice(-5).join('\n')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}: ${errors.slice(-5).join('\n')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"port"')) {
        if (errors.length < 50) errors.push(line);
        return;
      }
      clearTimeout(timer);
      resolve({ kind, port: (JSON.parse(line) as { port: number }).port, child, pid: child.pid! });
    });
  });
}
