import type { Database } from '../../../db/client';
import { fetchDueDayAheadFeeds } from '../../../domain/data/day-ahead';
import type { Logger } from '../logger';
import { runPeriodically } from '../periodic';

type FetchOptions = { db: Database; log: Logger; everyMs: number };

// Looks for accounts whose day-ahead prices are due (once a day, an hour after a failure) and fetches them.
export function startDayAheadFetch({ db, log, everyMs }: FetchOptions) {
  async function fetchDue() {
    try {
      for (const { accountId, problem } of await fetchDueDayAheadFeeds(db)) {
        if (problem) log.warn({ accountId, problem }, 'day-ahead prices fetch failed');
        else log.info({ accountId }, 'day-ahead prices fetched');
      }
    } catch (error) {
      log.error({ err: error }, 'day-ahead prices fetch failed');
    }
  }
  return runPeriodically(fetchDue, everyMs);
}
