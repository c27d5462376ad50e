import type { Database } from '../../../db/client';
import { createBatcher } from './batcher';
import { findChargersByIdentity, markConnected, markDisconnected, recordBoots, recordHeartbeats } from './chargers';
import { listPendingCommandIdsOf } from './commands';
import { recordConnectorStatuses } from './connectors';
import { recordMeterValues } from './meter-values';

// The reads and writes every charger makes on each connect, boot, heartbeat, status and meter reading, one call
// per charger, grouped into one statement per batch (see batcher.ts).
export function createBatchedStore(db: Database) {
  function write<In>(run: (db: Database, inputs: In[]) => Promise<void>) {
    return createBatcher<In, void>(async (inputs) => {
      await run(db, inputs);
      return inputs.map(() => undefined);
    });
  }
  return {
    findCharger: createBatcher((identities: string[]) => findChargersByIdentity(db, identities)),
    pendingCommandIds: createBatcher((chargerIds: string[]) => listPendingCommandIdsOf(db, chargerIds)),
    markConnected: write(markConnected),
    markDisconnected: write(markDisconnected),
    recordBoot: write(recordBoots),
    recordHeartbeat: write(recordHeartbeats),
    recordConnectorStatus: write(recordConnectorStatuses),
    recordMeterValues: write(recordMeterValues),
  };
}

export type BatchedStore = ReturnType<typeof createBatchedStore>;
