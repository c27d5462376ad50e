import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { COMMAND_CHANNEL } from '../../../lib/commands/actions';
import { listenWithSweep } from '../listen-with-sweep';
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

  const stop = await listenWithSweep(sql, COMMAND_CHANNEL, {
    onNotify: (id) => void dispatcher.dispatch(id, { isFresh: true }),
    sweep: () => sweep(),
    sweepEveryMs,
  });
  return { sweep, stop };
}

export type CommandListener = Awaited<ReturnType<typeof startCommandListener>>;
