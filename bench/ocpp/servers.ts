import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { OCPP_NODE_FLAGS } from '../../ocpp-server/node-flags';
import { track } from '../lib/children';

export type ServerKind = 'bare' | 'platform';
export type SpawnedServer = { kind: ServerKind; port: number; child: ChildProcess; pid: number; output: string[] };

const ENTRIES: Record<ServerKind, string> = { bare: 'bench/bare-server.ts', platform: 'bench/ocpp/db-server.ts' };
const KEEP_LINES = 30;

// BENCH_PROFILE_DIR=/tmp/profiles writes a V8 CPU profile of each server when it exits (open in Chrome DevTools).
function profileFlags(kind: ServerKind) {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? [`--cpu-prof`, `--cpu-prof-dir=${dir}/${kind}`] : [];
}

// Both servers start with the OCPP server's own Node flags, so that the two differ in their code only;
// BENCH_NODE_FLAGS="--max-semi-space-size=32" adds (or overrides) flags for both, to try one out.
const nodeFlagsOf = () => [...OCPP_NODE_FLAGS, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];

// nodeFlags: e.g. the heap probe preloaded for heap-per-charger.ts.
export function spawnServer(kind: ServerKind, env: Record<string, string>, nodeFlags: string[] = []): Promise<SpawnedServer> {
  const child = track(
    spawn(process.execPath, [...profileFlags(kind), ...nodeFlagsOf(), '--import', 'tsx', ...nodeFlags, ENTRIES[kind]], {
      env: { ...process.env, LOG_LEVEL: 'warn', OCPP_PORT: '0', OCPP_HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, which stopChild signals: without it the stop misses and, in a sweep, every phase's
      // server would live on (holding its database connections) until the benchmark exits.
      detached: true,
    }),
  );
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > KEEP_LINES) output.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start: ${output.join('\n')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}: ${output.join('\n')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"port"')) return keep(line);
      clearTimeout(timer);
      resolve({ kind, port: (JSON.parse(line) as { port: number }).port, child, pid: child.pid!, output });
    });
  });
}

export function assertAlive(server: SpawnedServer) {
  if (server.child.exitCode === null && server.child.signalCode === null) return;
  throw new Error(`${server.kind} server died (${server.child.exitCode ?? server.child.signalCode}):\n${server.output.join('\n')}`);
}
