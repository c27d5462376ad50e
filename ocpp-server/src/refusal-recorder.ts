import type { Database } from '../../db/client';
import type { ConnectionRefusal } from '../../domain/chargers/connection-refusals';
import { recordConnectionRefusals, type CountedRefusal } from '../../domain/data/charger-traffic/connection-refusals';
import type { Logger } from './logger';

// Counts refused connection attempts in memory and writes them once a second, one statement for all: a charger
// retrying with a wrong password, or a flood of guesses at it, costs the database one row update per second,
// while its page still shows the refusal within seconds.
const FLUSH_MS = 1000;
// Chargers × reasons waiting for the next write; past this, refusals of other ones are not counted until it is done.
const MAX_PENDING = 10_000;

export function createRefusalRecorder({ db, log, flushMs = FLUSH_MS }: { db: Database; log: Logger; flushMs?: number }) {
  const pending = new Map<string, CountedRefusal>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write() {
    timer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    try {
      await recordConnectionRefusals(db, batch);
    } catch (error) {
      log.warn({ err: error, refusals: batch.length }, 'refused connection attempts not recorded');
    }
  }

  return {
    note(refusal: ConnectionRefusal) {
      const key = `${refusal.chargerId}:${refusal.reason}`;
      const at = new Date();
      const counted = pending.get(key);
      if (counted) Object.assign(counted, { count: counted.count + 1, lastAt: at, remoteAddress: refusal.remoteAddress, detail: refusal.detail });
      else if (pending.size < MAX_PENDING) pending.set(key, { ...refusal, count: 1, firstAt: at, lastAt: at });
      timer ??= setTimeout(() => (writing = writing.then(write)), flushMs);
    },
    async close() {
      clearTimeout(timer);
      await writing;
      await write();
    },
  };
}

export type RefusalRecorder = ReturnType<typeof createRefusalRecorder>;
