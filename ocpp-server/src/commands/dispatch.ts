import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../../db/client';
import { DEVICE_MODEL_ACTIONS, type CommandPayloads, type DeviceModelAction, type OcppCommandAction } from '../../../domain/commands/actions';
import type { Connections } from '../connections';
import type { Logger } from '../logger';
import type { V16Requests } from '../ocpp/generated/v16';
import { withoutPassword } from '../ocpp/hidden-password';
import { callV16 } from '../ocpp/v16';
import { createRPCError } from '../ocpp/rpc';
import { recordDeviceModelAnswer } from './v201-device-model';
import { callAsV201 } from './v201-requests';
import { claimCommand, commandChargerId, completeCommand, failIfChargerOffline } from '../../../domain/data/charger-traffic/commands';
import { isRefusedValue } from '../../../domain/data/charger-traffic/refused-value';
import { sendNewPassword } from './new-password';
import { raiseSecurityProfile } from './raise-security-profile';
import { outcomeFromError, outcomeFromResponse } from './outcome';

// The command bus carries the platform's own payload types (domain/ knows nothing of the sidecar); here, at the
// protocol's edge, each must be a valid OCPP 1.6 request of its action, or this does not compile.
type CheckedAgainstV16<Payloads extends { [A in OcppCommandAction]: V16Requests[A] }> = Payloads;
type Payloads = CheckedAgainstV16<Omit<CommandPayloads, 'ChangeChargerPassword' | 'RaiseSecurityProfile' | DeviceModelAction>>;

// publicUrl: the address chargers are told to connect to, which a 2.0.1 charger raising its profile is sent.
type DispatcherOptions = { db: Database; instanceId: string; connections: Connections; log: Logger; callTimeoutMs: number; publicUrl: string };

// The charger's answer is known once the call returns; if PostgreSQL is away at that moment, the answer is
// written when it is back instead of the row staying `sent` until the stale-command sweep calls it a timeout.
const RECORD_RETRY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

// A charger that has just connected to another OCPP server process is not written online until that process's next
// group commit, and a command's NOTIFY can come first: a fresh command to a charger that looks offline is failed
// only if it still looks offline this long after. Meanwhile the process holding it sends it, once its connection is
// written (listen.ts, sweepCharger).
export const OFFLINE_RECHECK_MS = 1_000;

export function createDispatcher({ db, instanceId, connections, log, callTimeoutMs, publicUrl }: DispatcherOptions) {
  const rechecks = new AbortController();

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

  // The two commands that are not OCPP calls of their own, and the rest as the call of the same name. Both go to a
  // charger of either version (new-password.ts and raise-security-profile.ts pick the calls).
  async function call(client: NonNullable<ReturnType<Connections['get']>>, command: { id: string; action: string; chargerId: string; accountId: string; payload: unknown }) {
    if (command.action === 'ChangeChargerPassword') return sendNewPassword(db, client, command.chargerId, { callTimeoutMs });
    if (command.action === 'RaiseSecurityProfile') {
      const { securityProfile } = command.payload as CommandPayloads['RaiseSecurityProfile'];
      return raiseSecurityProfile(db, client, command.chargerId, securityProfile, { callTimeoutMs, publicUrl });
    }
    if (client.protocol === 'ocpp2.0.1') {
      const response = await callAsV201(db, client, command, { callTimeoutMs });
      // The charger has answered: a failure to keep its answer beside the variables does not make the command fail.
      await recordDeviceModelAnswer(db, command, response).catch((error: unknown) => log.error({ err: error, commandId: command.id }, 'device model answer not recorded'));
      return response;
    }
    // A 1.6 charger has configuration keys, not a device model.
    if ((DEVICE_MODEL_ACTIONS as readonly string[]).includes(command.action)) throw createRPCError('NotSupported', `${command.action} is OCPP 2.0.1 only`);
    return callV16(client, command.action as OcppCommandAction, command.payload as Payloads[OcppCommandAction], { callTimeoutMs });
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
      // The row was written by enqueueCommand with a CommandPayloads entry; ocpp-rpc's strict mode still refuses
      // a payload that does not fit the action's schema before it is sent (an RPCError: `failed`).
      const response = await call(client, command);
      outcome = outcomeFromResponse(withoutPassword(command.action, response) as Parameters<typeof outcomeFromResponse>[0]);
      commandLog.info('command answered');
    } catch (error) {
      outcome = outcomeFromError(error);
      commandLog.warn({ status: outcome.status, error: outcome.error }, 'command not accepted');
    }
    await record(command, outcome);
  }

  // A charger whose socket is here but whose connection is not written yet is not offline: the sweep that follows
  // that write sends the command.
  async function isConnectingHere(id: string) {
    const chargerId = await commandChargerId(db, id);
    return chargerId !== null && connections.get(chargerId) !== undefined;
  }

  // Only a fresh command (from its NOTIFY) is failed as `offline`; a swept one stays pending for a charger
  // that reconnects before the command expires, which is how commands survive restarts.
  async function dispatch(id: string, { isFresh }: { isFresh: boolean }) {
    try {
      const command = await claimCommand(db, { id, instanceId });
      if (command) await send(command);
      else if (isFresh && !(await isConnectingHere(id))) await failIfStillOffline(id);
    } catch (error) {
      log.error({ err: error, commandId: id }, 'command dispatch failed');
    }
  }

  async function failIfStillOffline(id: string) {
    try {
      await sleep(OFFLINE_RECHECK_MS, undefined, { signal: rechecks.signal, ref: false });
    } catch {
      return; // stopping: the command stays pending, for whichever process holds its charger or for its expiry
    }
    await failIfChargerOffline(db, id);
  }

  return {
    dispatch,
    // At shutdown: the verdicts still waiting are dropped.
    stop: () => rechecks.abort(),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
