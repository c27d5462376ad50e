import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

// `npm start` as a user runs it, in a process group of its own as a terminal would give it, on ports and
// with a data directory of its own so that it cannot meet a developer's running platform.
export type PlatformRun = { npm: ChildProcess; marker: string; ports: { web: number; ocpp: number; database: number }; lines: string[] };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
  });
}

export function isAnswering(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' })
      .once('connect', () => {
        socket.destroy();
        resolve(true);
      })
      .once('error', () => resolve(false));
  });
}

// The test runner's own settings (its database, NODE_ENV=test) are not the platform's.
function platformEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|TEST_DATABASE_URL|NODE_ENV|VITEST.*)$/.test(key));
  return { ...Object.fromEntries(inherited), ...extra } as NodeJS.ProcessEnv;
}

export async function startPlatform({ databaseDir, distDir }: { databaseDir: string; distDir: string }): Promise<PlatformRun> {
  const ports = { web: await freePort(), ocpp: await freePort(), database: await freePort() };
  const [name, value] = ['CHARGEWATCH_PLATFORM_RUN', randomBytes(6).toString('hex')];
  const env = platformEnv({
    [name]: value,
    PORT: String(ports.web),
    OCPP_PORT: String(ports.ocpp),
    EMBEDDED_PG_PORT: String(ports.database),
    EMBEDDED_PG_DIR: databaseDir,
    NEXT_DIST_DIR: distDir,
    LOG_LEVEL: 'warn',
  });
  const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [npm.stdout, npm.stderr]) readline.createInterface({ input: stream }).on('line', (line) => lines.push(line));
  return { npm, marker: `${name}=${value}`, ports, lines };
}

async function isServingWeb(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' });
    return response.status < 500;
  } catch {
    return false;
  }
}

export async function waitUntilServing(run: PlatformRun, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!((await isServingWeb(run.ports.web)) && (await isAnswering(run.ports.ocpp)))) {
    const ended = run.npm.exitCode !== null || run.npm.signalCode !== null;
    if (ended || Date.now() > deadline) {
      throw new Error(`the platform ${ended ? 'exited' : 'did not answer in time'}; its last lines:\n${run.lines.slice(-40).join('\n')}`);
    }
    await sleep(500);
  }
}

// One busy loop per core, bounded in time so that none outlives a test run that was itself killed.
export function startCpuHogs(durationMs: number): () => void {
  const script = `const end = Date.now() + ${durationMs}; while (Date.now() < end);`;
  const hogs = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' }));
  return () => {
    for (const hog of hogs) hog.kill('SIGKILL');
  };
}
