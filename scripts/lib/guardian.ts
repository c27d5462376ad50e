import { spawn } from 'node:child_process';

export type Guardian = { watchGroup: (pgid: number) => void; forgetGroup: (pgid: number) => void; watchCluster: (databaseDir: string) => void };

// A SIGKILL gives the supervisor no chance to stop what it started, and its children, each in a process
// group of their own, would serve on. So a guardian process (guardian-process.ts) is told of each and stops
// whatever is left when the supervisor is gone. It has a session of its own: a Ctrl-C, or a signal sent to
// the supervisor's process group, does not reach it.
export function startGuardian(): Guardian {
  const guardian = spawn(process.execPath, ['--import', 'tsx', 'scripts/lib/guardian-process.ts'], {
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  // A guardian that someone else killed leaves the platform as it was before the guardian existed.
  guardian.stdin.on('error', () => {});
  const tell = (line: string) => guardian.stdin.write(`${line}\n`);
  return {
    watchGroup: (pgid) => tell(`group ${pgid}`),
    forgetGroup: (pgid) => tell(`forget ${pgid}`),
    watchCluster: (databaseDir) => tell(`postgres ${databaseDir}`),
  };
}
