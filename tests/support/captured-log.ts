import { Writable } from 'node:stream';
import type * as LogModule from '@/lib/log';

// The web app's log module with `log` writing each line into `lines`, for
// vi.mock('@/lib/log', async () => logWritingTo(await vi.importActual('@/lib/log'), lines, level)).
export function logWritingTo(actual: typeof LogModule, lines: string[], level: string): typeof LogModule {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { ...actual, log: actual.createLog({ level, destination }) };
}
