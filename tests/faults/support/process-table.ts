import { readdirSync, readFileSync } from 'node:fs';

// Linux only: what the tests know of other processes, they read from /proc.
export const HAS_PROC_TABLE = process.platform === 'linux';

// A start time goes with the pid, so that a pid the system hands to a newcomer is not taken for the old process.
export type ProcessEntry = { pid: number; ppid: number; startTime: string; command: string };

function read(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

// A zombie has already exited; it only waits for its parent to collect its status.
function entry(pid: number): ProcessEntry | null {
  const stat = read(pid, 'stat');
  if (!stat) return null;
  // "pid (comm) state ppid …": the command name may hold spaces and parentheses of its own.
  const [state, ppid, ...rest] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (state === 'Z' || state === 'X') return null;
  const command = (read(pid, 'cmdline') ?? '').split('\0').join(' ').trim();
  return { pid, ppid: Number(ppid), startTime: rest[17] ?? '', command };
}

export function processTable(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => entry(Number(name)) ?? []);
}

export function processTree(rootPid: number, table = processTable()): ProcessEntry[] {
  const tree = table.filter((row) => row.pid === rootPid);
  for (let index = 0; index < tree.length; index++) {
    tree.push(...table.filter((row) => row.ppid === tree[index]!.pid));
  }
  return tree;
}

// Every process started with this variable in its environment, wherever it has been moved in the tree since.
export function processesCarrying(variable: string, table = processTable()): ProcessEntry[] {
  return table.filter((row) => read(row.pid, 'environ')?.split('\0').includes(variable));
}

export function isRunning(process: ProcessEntry): boolean {
  return entry(process.pid)?.startTime === process.startTime;
}
