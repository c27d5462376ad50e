import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client';
import { chargers } from '../../db/schema';
import { enqueueCommand } from '../../lib/commands/enqueue';
import { SimulatedCharger } from '../../ocpp-server/simulator/simulated-charger';
import { summarize } from '../lib/stats';

type RemoteStartOptions = { db: Database; accountId: string; identity: string; port: number; idTag: string; gapMs: number };

const MAX_STARTS = 2000;
const RECEIVE_TIMEOUT_MS = 10_000;

// From just before enqueueCommand (the insert a server action makes) until the simulated charger's
// handler runs: the whole way through PostgreSQL, LISTEN/NOTIFY, the claim and the WebSocket.
export async function measureRemoteStarts({ db, accountId, identity, port, idTag, gapMs }: RemoteStartOptions, signal: AbortSignal) {
  const [charger] = await db.select({ id: chargers.id }).from(chargers).where(eq(chargers.identity, identity));
  const simulated = new SimulatedCharger({ url: `ws://127.0.0.1:${port}/ocpp`, identity, connectors: 2 });
  let received: () => void = () => {};
  simulated.client.handle('RemoteStartTransaction', async () => {
    received();
    return { status: 'Accepted' };
  });
  const latencies: number[] = [];
  let lost = 0;
  try {
    await simulated.start();
    for (let count = 0; count < MAX_STARTS && !signal.aborted; count++) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<boolean>((resolve) => {
        received = () => resolve(true);
        timer = setTimeout(() => resolve(false), RECEIVE_TIMEOUT_MS);
      });
      const began = performance.now();
      await enqueueCommand(db, { accountId, chargerId: charger!.id, action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag } });
      const isReceived = await arrived;
      clearTimeout(timer);
      if (isReceived) latencies.push(performance.now() - began);
      else lost++;
      await sleep(gapMs);
    }
  } finally {
    await simulated.stop();
  }
  return { ...summarize(latencies), lost };
}

export type RemoteStartResult = Awaited<ReturnType<typeof measureRemoteStarts>>;
