import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { COMMAND_CHANNEL } from '../../../lib/commands/actions';
import type { Logger } from '../logger';
import { expireCommands, listPendingCommandIds } from '../store/commands';
import type { Dispatcher } from './dispatch';

type ListenerOptions = { db: Database; sql: Sql; instanceId: string; dispatcher: Dispatcher; log: Logger; sweepEveryMs?: number };

export async function startCommandListener({ db, sql, instanceId, dispatcher, log, sweepEveryMs = 30_000 }: ListenerOptions) {
  async function sweep(chargerId?: string) {
    try {
      await expireCommands(db);
      const ids = await listPendingCommandIds(db, { instanceId, chargerId });
      await Promise.all(ids.map((id) => dispatcher.dispatch(id, { isFresh: false })));
    } catch (error) {
      log.error({ err: error }, 'command sweep failed');
    }
  }

  // NOTIFY is not stored: onlisten runs on every (re)connect of the LISTEN connection and sweeps what was missed.
  const subscription = await sql.listen(
    COMMAND_CHANNEL,
    (id) => void dispatcher.dispatch(id, { isFresh: true }),
    () => void sweep(),
  );
  const timer = setInterval(() => void sweep(), sweepEveryMs);
  timer.unref();

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await subscription.unlisten();
    },
  };
}

export type CommandListener = Awaited<ReturnType<typeof startCommandListener>>;
