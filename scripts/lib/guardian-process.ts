// The platform supervisor's backstop (see guardian.ts). Its stdin is a pipe from the supervisor, which names
// what it starts, one a line: `group <pgid>` or `postgres <data dir>`, and `forget <pgid>` for a group that
// has ended. The pipe closes when the supervisor ends, whatever ends it, SIGKILL included; what is still
// running then is stopped in the supervisor's own order: the processes first, then the database they write to.
import readline from 'node:readline';
import { stopLeftover } from './database';
import { stopGroup } from './processes';

const groups = new Set<number>();
const clusters: string[] = [];

readline
  .createInterface({ input: process.stdin })
  .on('line', (line) => {
    const [kind, value] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
    if (kind === 'group') groups.add(Number(value));
    if (kind === 'forget') groups.delete(Number(value));
    if (kind === 'postgres') clusters.push(value);
  })
  .on('close', async () => {
    await Promise.all([...groups].map((pgid) => stopGroup(pgid)));
    await Promise.allSettled(clusters.map((databaseDir) => stopLeftover(databaseDir)));
    process.exit(0);
  });
