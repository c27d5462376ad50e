import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Preloaded into a server child process by memory tests (NODE_OPTIONS --import): on SIGUSR2 it collects garbage
// and prints the heap in use as one JSON line on stdout, beside the server's own log lines.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

process.on('SIGUSR2', () => {
  collectGarbage();
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ msg: 'heap probe', heapUsed, rss })}\n`);
});
