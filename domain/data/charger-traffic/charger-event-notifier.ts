import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { CHARGER_EVENTS_CHANNEL, type ChargerEvent } from '../../charging/charger-events';
import { executePrepared } from './prepared';

type ErrorLog = { error: (fields: { err: unknown }, message: string) => void };

type NotifierOptions = { db: Database; log: ErrorLog; everyMs?: number };

// The NOTIFYs of the busiest writes (readings and heartbeats), sent after their rows have
// committed, a few times a second, each charger's event once however many of its messages came meanwhile. In the
// write's own statement, every group commit took PostgreSQL's lock on the notification queue as it committed, one
// statement after another, while the chargers' answers waited, and every listener was told of every reading. An
// event tells the web app's open pages to look again, so arriving a fraction of a second later changes nothing they
// show; rarer
// events, and those the circuit planner acts on (a status, a session started or stopped, a boot), keep their NOTIFY
// in their own transaction.
export function createChargerEventNotifier({ db, log, everyMs = 200 }: NotifierOptions) {
  let pending = new Map<string, ChargerEvent>();
  let timer: NodeJS.Timeout | null = null;
  let sending: Promise<void> = Promise.resolve();
  let isClosed = false;

  async function send(events: ChargerEvent[]) {
    await executePrepared(db, sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, event::text) from jsonb_array_elements(${JSON.stringify(events)}::jsonb) as event`);
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const events = [...pending.values()];
    pending = new Map();
    sending = sending.then(() => (events.length > 0 ? send(events) : undefined)).catch((error: unknown) => log.error({ err: error }, 'charger events not sent'));
    return sending;
  }

  return {
    // Called once the rows the events tell of have committed.
    add(events: ChargerEvent[]) {
      if (isClosed) return;
      for (const event of events) pending.set(`${event.chargerId}/${event.kind}`, event);
      if (pending.size > 0) timer ??= setTimeout(() => void flush(), everyMs);
    },
    flush,
    // At shutdown, once the writes are done: what is pending goes, and nothing after it (the pool is closing).
    close() {
      isClosed = true;
      return flush();
    },
  };
}

export type ChargerEventNotifier = ReturnType<typeof createChargerEventNotifier>;
