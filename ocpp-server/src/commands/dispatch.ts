import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../../db/client';
import type { Connections } from '../connections';
import type { Logger } from '../logger';
import { claimCommand, completeCommand, failIfChargerOffline } from '../../../domain/data/charger-traffic/commands';
import { isRefusedValue } from '../../../domain/data/charger-traffic/refused-value';
import { outcomeFromError, outcomeFromResponse } from './outcome';

type DispatcherOptions = { db: Database; instanceId: string; connections: Connections; log: Logger; callTimeoutMs: number };

// The charger's answer is known once the call returns; if PostgreSQL is away at that moment, the answer is
// written when it is back instead of the row staying `sent` until the stale-command sweep calls it a timeout.
const RECORD_RETRY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export function createDispatcher({ db, instanceId, connections, log, callTimeoutMs }: DispatcherOptions) {
  async function record(command: { id: string; chargerId: string }, outcome: Parameters<typeof completeCommand>[2]) {
    for (const delayMs of [...RECORD_RETRY_MS, null]) {
      try {
        return await completeCommand(db, command, outcome);
      } catch (error) {
        // Waiting helps a database that is away, not a value it refuses.
        if (delayMs === null || isRefusedValue(error)) throw error;
        log.warn({ err: error, commandId: command.id, status: outcome.status }, 'command outcome not recorded yet, retrying');
        await sleep(delayMs);
      }
    }
  }

  async function send(command: NonNullable<Awaited<ReturnType<typeof claimCommand>>>) {
    const client = connections.get(command.chargerId);
    const commandLog = log.child({ commandId: command.id, chargerId: command.chargerId, action: command.action });
    if (!client) {
      await record(command, { status: 'offline', error: 'The charger disconnected before the call' });
      return;
    }
    let outcome: ReturnType<typeof outcomeFromError>;
    try {
      outcome = outcomeFromResponse(await client.call(command.action, command.payload, { callTimeoutMs }));
      commandLog.info('command answered');
    } catch (error) {
      outcome = outcomeFromError(error);
      commandLog.warn({ status: outcome.status, error: outcome.error }, 'command not accepted');
    }
    await record(command, outcome);
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
