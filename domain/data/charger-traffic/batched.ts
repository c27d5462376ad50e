import type { Database } from '../../../db/client';
import { createBatcher } from './batcher';
import { findChargersByIdentity, markConnected, markDisconnected, recordBoots, recordHeartbeats } from './chargers';
import { listPendingCommandIdsOf } from './commands';
import { recordConnectorStatuses } from './connectors';
import { recordMeterValues } from './meter-values';
import { isRefusedValue } from './refused-value';

// The reads and writes every charger makes on each connect, boot, heartbeat, status and meter reading, one call
// per charger, grouped into one statement per batch (see batcher.ts); a batch PostgreSQL refuses for a value
// in it is split until the charger that sent the value is the only one refused.
export function createBatchedStore(db: Database) {
  const options = { isInputError: isRefusedValue };
  function write<In>(run: (db: Database, inputs: In[]) => Promise<void>) {
    return createBatcher<In, void>(async (inputs) => {
      await run(db, inputs);
      return inputs.map(() => undefined);
    }, options);
  }
  return {
    findCharger: createBatcher((identities: string[]) => findChargersByIdentity(db, identities), options),
    pendingCommandIds: createBatcher((chargerIds: string[]) => listPendingCommandIdsOf(db, chargerIds), options),
    markConnected: write(markConnected),
    markDisconnected: write(markDisconnected),
    recordBoot: write(recordBoots),
    recordHeartbeat: write(recordHeartbeats),
    recordConnectorStatus: write(recordConnectorStatuses),
    recordMeterValues: write(recordMeterValues),
  };
}

export type BatchedStore = ReturnType<typeof createBatchedStore>;
