import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NEXT_BIN, run } from '../../scripts/lib/processes';
import { waitForHttp } from '../../scripts/lib/wait';
import { track } from '../lib/children';

// Its own build folder, so a benchmark never clobbers the build of `npm start` or `npm test`.
export const BENCH_DIST_DIR = '.next-bench';

export function webEnv({ databaseUrl, port, authSecret }: { databaseUrl: string; port: number; authSecret: string }) {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    LOCAL_MAILBOX: '1',
    RESEND_API_KEY: '',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    OCPP_PUBLIC_URL: 'ws://127.0.0.1:9400',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
  };
}

export async function buildWeb(env: Record<string, string>, { isReused }: { isReused: boolean }) {
  if (isReused && existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) return false;
  await run('web', process.execPath, [NEXT_BIN, 'build'], { ...env, NODE_ENV: 'production' });
  return true;
}

export async function startWeb(env: Record<string, string>, port: number) {
  const child = track(
    spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await waitForHttp(`http://127.0.0.1:${port}/login`, 60_000);
  return child;
}
