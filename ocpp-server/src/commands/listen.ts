import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { COMMAND_CHANNEL } from '../../../domain/commands/actions';
import { listenWithSweep } from '../listen-with-sweep';
import type { Logger } from '../logger';
import type { BatchedStore } from '../../../domain/data/charger-traffic/batched';
import { expireCommands, listPendingCommandIds } from '../../../domain/data/charger-traffic/commands';
import type { Dispatcher } from './dispatch';

type ListenerOptions = { db: Database; store: BatchedStore; sql: Sql; instanceId: string; dispatcher: Dispatcher; log: Logger; sweepEveryMs?: number };

export async function startCommandListener({ db, store, sql, instanceId, dispatcher, log, sweepEveryMs = 30_000 }: ListenerOptions) {
  async function sweep() {
    try {
      await expireCommands(db);
      const ids = await listPendingCommandIds(db, { instanceId });
      await Promise.all(ids.map((id) => dispatcher.dispatch(id, { isFresh: false })));
    } catch (error) {
      log.error({ err: error }, 'command sweep failed');
    }
  }

  // What waited for a charger that has just connected; expiry is left to the periodic sweep (the claim skips
  // expired rows), which a fleet reconnecting at once would otherwise run once per charger.
  async function sweepCharger(chargerId: string) {
    try {
      const ids = await store.pendingCommandIds(chargerId);
      await Promise.all(ids.map((id) => dispatcher.dispatch(id, { isFresh: false })));
    } catch (error) {
      log.error({ err: error, chargerId }, 'command sweep failed');
    }
  }

  const stop = await listenWithSweep(sql, COMMAND_CHANNEL, {
    onNotify: (id) => void dispatcher.dispatch(id, { isFresh: true }),
    sweep,
    sweepEveryMs,
  });
  return { sweep, sweepCharger, stop };
}

export type CommandListener = Awaited<ReturnType<typeof startCommandListener>>;
