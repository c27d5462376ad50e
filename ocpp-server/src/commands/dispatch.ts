import type { Database } from '../../../db/client';
import type { Connections } from '../connections';
import type { Logger } from '../logger';
import { claimCommand, completeCommand, failIfChargerOffline } from '../store/commands';
import { outcomeFromError, outcomeFromResponse } from './outcome';

type DispatcherOptions = { db: Database; instanceId: string; connections: Connections; log: Logger; callTimeoutMs: number };

export function createDispatcher({ db, instanceId, connections, log, callTimeoutMs }: DispatcherOptions) {
  async function send(command: NonNullable<Awaited<ReturnType<typeof claimCommand>>>) {
    const client = connections.get(command.chargerId);
    const commandLog = log.child({ commandId: command.id, chargerId: command.chargerId, action: command.action });
    if (!client) {
      await completeCommand(db, command, { status: 'offline', error: 'The charger disconnected before the call' });
      return;
    }
    try {
      const response = await client.call(command.action, command.payload, { callTimeoutMs });
      await completeCommand(db, command, outcomeFromResponse(response));
      commandLog.info('command answered');
    } catch (error) {
      const outcome = outcomeFromError(error);
      commandLog.warn({ status: outcome.status, error: outcome.error }, 'command not accepted');
      await completeCommand(db, command, outcome);
    }
  }

  // Only a fresh command (from its NOTIFY) is failed as `offline`; a swept one stays pending for a charger
  // that reconnects before the command expires, which is how commands survive restarts.
  async function dispatch(id: string, { isFresh }: { isFresh: boolean }) {
    try {
      const command = await claimCommand(db, { id, instanceId });
      if (command) await send(command);
      else if (isFresh) await failIfChargerOffline(db, id);
    } catch (error) {
      log.error({ err: error, commandId: id }, 'command dispatch failed');
    }
  }

  return { dispatch };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
