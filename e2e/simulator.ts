import { spawn, type ChildProcess } from 'node:child_process';

// The project's simulator, pointed at the platform the way an owner points a real charger.
export function startSimulator({ url, password, extra = [] }: { url: string; password: string; extra?: string[] }): ChildProcess {
  const identity = url.slice(url.lastIndexOf('/') + 1);
  const base = url.slice(0, url.lastIndexOf('/'));
  // `--name=value`: a generated password may begin with '-', which parseArgs refuses as a separate argument.
  const options = [`--identity=${identity}`, `--url=${base}`, `--password=${password}`];
  return spawn(process.execPath, ['--import', 'tsx', 'ocpp-server/simulator/cli.ts', ...options, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
}
