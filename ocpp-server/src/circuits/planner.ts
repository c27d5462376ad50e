import type { Sql } from 'postgres';
import type { Database } from '../../../db/client';
import { CHARGER_EVENTS_CHANNEL, type ChargerEvent, type ChargerEventKind } from '../../../domain/charging/charger-events';
import { rebalanceCircuit } from '../../../domain/circuits/rebalance';
import { CIRCUIT_CHANGED_CHANNEL, type CircuitReason, type CircuitTrigger } from '../../../domain/circuits/reasons';
import { forgetSentLimits, getCircuitOfCharger, listCircuitIds } from '../../../domain/data/circuit-planning';
import { listenWithSweep } from '../listen-with-sweep';
import { CircuitMembership } from './circuit-membership';
import type { Logger } from '../logger';

type PlannerOptions = { db: Database; sql: Sql; log: Logger; everyMs: number };

const REASON_OF_EVENT: Partial<Record<ChargerEventKind, CircuitReason>> = {
  'transaction-started': 'sessionStarted',
  'transaction-stopped': 'sessionStopped',
  status: 'statusChanged',
  disconnected: 'chargerOffline',
  connected: 'chargerOnline',
  boot: 'chargerOnline',
};

// Every circuit is planned again on each event that changes who draws what behind it (a session starting or
// stopping, a connector's status, a charger lost or back), on each change the web app makes to it, on each grid
// reading for a circuit at the grid connection, and on a timer (charging windows opening and closing, a meter feed
// falling silent, solar hysteresis running out; an event missed while the LISTEN connection was down). One plan per
// circuit at a time in this process; the circuit's advisory lock keeps other processes out while one plans.
export async function startCircuitPlanner({ db, sql, log, everyMs }: PlannerOptions) {
  const running = new Map<string, Promise<void>>();
  const membership = new CircuitMembership((chargerId) => getCircuitOfCharger(db, chargerId));
  const pending = new Map<string, CircuitTrigger>();

  function schedule(circuitId: string, trigger: CircuitTrigger) {
    // While a plan runs, the latest trigger waits for one more run; earlier waiting ones are folded into it.
    pending.set(circuitId, trigger);
    if (running.has(circuitId)) return running.get(circuitId)!;
    const run = (async () => {
      while (pending.has(circuitId)) {
        const next = pending.get(circuitId)!;
        pending.delete(circuitId);
        try {
          const sent = await rebalanceCircuit(db, { circuitId, trigger: next });
          if (sent > 0) log.info({ circuitId, reason: next.reason, sent }, 'circuit rebalanced');
        } catch (error) {
          log.error({ err: error, circuitId }, 'circuit rebalance failed');
        }
      }
      running.delete(circuitId);
    })();
    running.set(circuitId, run);
    return run;
  }

  async function onChargerEvent(payload: string) {
    const event = JSON.parse(payload) as ChargerEvent;
    const reason = REASON_OF_EVENT[event.kind];
    if (!reason) return;
    const circuitId = await membership.circuitOf(event.chargerId);
    if (event.kind === 'disconnected') membership.forget(event.chargerId);
    if (!circuitId) return;
    if (reason === 'chargerOnline') await forgetSentLimits(db, event.chargerId);
    await schedule(circuitId, { reason, chargerId: event.chargerId });
  }

  async function sweep() {
    membership.forgetAll();
    try {
      await Promise.all((await listCircuitIds(db)).map((circuitId) => schedule(circuitId, { reason: 'scheduled', chargerId: null })));
    } catch (error) {
      log.error({ err: error }, 'circuit sweep failed');
    }
  }

  const report = (error: unknown) => log.error({ err: error }, 'circuit event failed');
  const stopEvents = await listenWithSweep(sql, CHARGER_EVENTS_CHANNEL, { onNotify: (payload) => void onChargerEvent(payload).catch(report), sweep, sweepEveryMs: everyMs });
  const stopChanges = await listenWithSweep(sql, CIRCUIT_CHANGED_CHANNEL, {
    onNotify: (payload) => {
      const { circuitId, reason, chargerId } = JSON.parse(payload) as CircuitTrigger & { circuitId: string };
      // Only a change of its chargers moves a charger between circuits; grid readings come every few seconds.
      if (reason === 'chargersChanged') membership.forgetAll();
      void schedule(circuitId, { reason, chargerId }).catch(report);
    },
    sweep: async () => {},
    sweepEveryMs: everyMs,
  });
  return {
    schedule,
    sweep,
    async stop() {
      await stopEvents();
      await stopChanges();
      await Promise.all(running.values());
    },
  };
}
