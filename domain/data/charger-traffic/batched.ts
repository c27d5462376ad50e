import type { Database } from '../../../db/client';
import type { ChargerEventKind } from '../../charging/charger-events';
import { createBatcher, type StatementSlots } from './batcher';
import { lookUpCardsAtChargers, type CardAtCharger } from './card-lookups';
import { recordAuthorizes } from './cards';
import type { ChargerEventNotifier } from './charger-event-notifier';
import { findChargersByIdentity, markConnected, markDisconnected, recordBoots, recordHeartbeats, type ChargerRef, type Notifying } from './chargers';
import { listPendingCommandIdsOf } from './commands';
import { recordConnectorStatuses } from './connectors';
import { recordMeterValues } from './meter-values';
import { findSessionsByOcppIds, type OcppSessionLookup } from './ocpp-transactions';
import { isRefusedValue } from './refused-value';
import { startOnFreeConnectors, type FreeConnectorStart } from './start-on-free-connector';
import { readStops, type StopRead } from './stop-reads';
import { closeStoppedSessions, type StopClose } from './stop-writes';
import type { StatementTiming } from './statement-timing';

export type BatchObserver = (kind: string, batch: { size: number; queuedMs: number[]; runMs: number }) => void;

// `slots`: the store's statements in flight at once, all kinds together; none, each kind on its own.
type Options = { onBatch?: BatchObserver; notifier?: ChargerEventNotifier; slots?: StatementSlots };

// The reads and writes every charger makes on each connect, boot, heartbeat, status, meter reading, card, session
// start and stop, one call per charger, grouped into one statement per batch (see batcher.ts); a batch PostgreSQL refuses for a value
// in it is split until the charger that sent the value is the only one refused. With a notifier, the two busiest
// writes' charger events (readings and heartbeats, which nothing in the OCPP server acts on) go through it once their
// statement has committed, not in the statement; statuses, boots and connects keep theirs in their statement, as the
// circuit planner replans on them (circuits/planner.ts) and a fuse's share must follow at once.
export function createBatchedStore(db: Database, { onBatch = () => {}, notifier, slots }: Options = {}) {
  const options = (kind: string) => ({ isInputError: isRefusedValue, slots, onBatch: (batch: Parameters<BatchObserver>[1]) => onBatch(kind, batch) });
  function write<In>(kind: string, run: (db: Database, inputs: In[]) => Promise<void>) {
    return createBatcher<In, void>(async (inputs) => {
      await run(db, inputs);
      return inputs.map(() => undefined);
    }, options(kind));
  }
  function notifying<In extends ChargerRef>(kind: string, event: ChargerEventKind, run: (db: Database, inputs: In[], notifying: Notifying) => Promise<void>) {
    if (!notifier) return write<In>(kind, (db, inputs) => run(db, inputs, {}));
    return write<In>(kind, async (db, inputs) => {
      await run(db, inputs, { isNotifying: false });
      notifier.add(inputs.map(({ accountId, chargerId }) => ({ accountId, chargerId, kind: event })));
    });
  }
  return {
    findCharger: createBatcher((identities: string[]) => findChargersByIdentity(db, identities), options('findCharger')),
    // A card presented at a charger, with the platform's remote start for it: every Authorize and session start.
    lookUpCard: createBatcher((lookups: CardAtCharger[]) => lookUpCardsAtChargers(db, lookups), options('lookUpCard')),
    recordAuthorize: write('recordAuthorize', recordAuthorizes),
    // A session started on a free connector; a start the statement leaves to the transactional path is answered null.
    startOnFreeConnector: createBatcher((starts: FreeConnectorStart[]) => startOnFreeConnectors(db, starts), options('startOnFreeConnector')),
    // A StopTransaction's (or 2.0.1 Ended event's) read, then its close of a session still open; a stop the write
    // leaves to the transactional path is answered false (stops.ts).
    readStop: createBatcher((stops: StopRead[]) => readStops(db, stops), options('readStop')),
    closeStoppedSession: createBatcher((closes: StopClose[]) => closeStoppedSessions(db, closes), options('closeStoppedSession')),
    pendingCommandIds: createBatcher((chargerIds: string[]) => listPendingCommandIdsOf(db, chargerIds), options('pendingCommandIds')),
    markConnected: write('markConnected', markConnected),
    markDisconnected: write('markDisconnected', markDisconnected),
    recordBoot: write('recordBoot', recordBoots),
    recordHeartbeat: notifying('recordHeartbeat', 'heartbeat', recordHeartbeats),
    recordConnectorStatus: write('recordConnectorStatus', recordConnectorStatuses),
    recordConnectorStatusOutsideSession: write('recordConnectorStatusOutsideSession', (db, inputs: Parameters<typeof recordConnectorStatuses>[1]) =>
      recordConnectorStatuses(db, inputs, { isDroppedDuringSession: true }),
    ),
    // The session an OCPP 2.0.1 TransactionEvent names, read for every event its socket does not remember.
    findSessionByOcppId: createBatcher((lookups: OcppSessionLookup[]) => findSessionsByOcppIds(db, lookups), options('findSessionByOcppId')),
    recordMeterValues: notifying('recordMeterValues', 'meter-values', recordMeterValues),
  };
}

export type BatchedStore = ReturnType<typeof createBatchedStore>;

// Views of the store whose writes add their wait for a statement to one charger message's timing (the OCPP server
// makes one per message). Each function is made only when the handler reads it. The timing is passed along rather
// than found from an AsyncLocalStorage, which made every promise in the process slower to create and resolve.
export function createTimedViews(store: BatchedStore) {
  type Timed = { timed: (input: unknown, timing: StatementTiming) => Promise<unknown> };
  const prototype = {};
  for (const key of Object.keys(store)) {
    const submit = (store[key as keyof BatchedStore] as unknown as Timed).timed;
    Object.defineProperty(prototype, key, {
      get(this: { timing: StatementTiming }) {
        const timing = this.timing;
        return (input: unknown) => submit(input, timing);
      },
    });
  }
  return (timing: StatementTiming): BatchedStore => Object.assign(Object.create(prototype) as BatchedStore, { timing });
}
