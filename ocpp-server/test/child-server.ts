import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { OCPP_NODE_FLAGS } from '../node-flags';
import { TEST_AUTH_SECRET } from './helpers';

export type ChildServer = { port: number; instanceId: string; child: ChildProcess; lines: string[] };

const children = new Set<ChildProcess>();

// The real entry point in its own process, as `npm start` runs it. Every test file of a run shares the database, so
// it starts under the secret of the in-process test servers (helpers.ts), which opens the rows they sealed (the
// platform CA's key, the VAPID key); and it neither notices chargers offline nor sends notifications (another file's
// chargers, offline for minutes by the time the load tier runs, were noticed, and their owners' notices pushed to
// that file's local push service, long gone: errors in the log of a test that asserts none).
type SpawnOptions = { instanceId: string; port?: number; env?: Record<string, string> };

export function spawnServer({ instanceId, port = 0, env = {} }: SpawnOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, [...OCPP_NODE_FLAGS, '--import', 'tsx', 'ocpp-server/src/main.ts'], {
    env: { ...process.env, OCPP_PORT: String(port), OCPP_HOST: '127.0.0.1', OCPP_INSTANCE_ID: instanceId, AUTH_SECRET: TEST_AUTH_SECRET, OCPP_OFFLINE_NOTICE_MINUTES: '1000000', OCPP_NOTIFICATION_POLL_INTERVAL: '1000000', LOG_LEVEL: 'info', OCPP_PROVISIONING: '0', OCPP_LOCAL_LISTS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${lines.slice(-5).join('\n')}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${lines.slice(-5).join('\n')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (!line.includes('"ocpp server listening"')) return;
      const entry = JSON.parse(line) as { port: number };
      clearTimeout(timer);
      resolve({ port: entry.port, instanceId, child, lines });
    });
  });
}

export function killServer(server: ChildServer, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve(server.child.exitCode);
  return new Promise((resolve) => {
    server.child.once('exit', (code) => resolve(code));
    server.child.kill(signal);
  });
}

export async function killAllServers() {
  const exits = [...children].map((child) => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    return exited;
  });
  await Promise.all(exits);
}
