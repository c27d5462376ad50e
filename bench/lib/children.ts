import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
let isHooked = false;

function killAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

// Every child a benchmark starts dies with it, on a normal exit, an error or Ctrl-C.
export function track(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (isHooked) return child;
  isHooked = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
  return child;
}

export { stopProcess as stopChild } from '../../scripts/lib/processes';
