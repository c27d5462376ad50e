import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client';
import { chargers } from '../../db/schema';
import { enqueueCommand } from '../../domain/commands/enqueue';
import { SimulatedCharger } from '../../ocpp-server/simulator/simulated-charger';
import { summarize } from '../lib/stats';

type RemoteStartOptions = { db: Database; accountId: string; identity: string; port: number; idTag: string; gapMs: number };

export type RemoteStartCharger = Awaited<ReturnType<typeof connectRemoteStartCharger>>;

const MAX_STARTS = 2000;
const RECEIVE_TIMEOUT_MS = 10_000;

// Connected before the load begins, so that a slow connect under load does not eat the measuring time.
export async function connectRemoteStartCharger({ db, identity, port }: Pick<RemoteStartOptions, 'db' | 'identity' | 'port'>) {
  const [charger] = await db.select({ id: chargers.id }).from(chargers).where(eq(chargers.identity, identity));
  const simulated = new SimulatedCharger({ url: `ws://127.0.0.1:${port}/ocpp`, identity, connectors: 2 });
  const state = { chargerId: charger!.id, simulated, received: () => {} };
  simulated.client.handle('RemoteStartTransaction', async () => {
    state.received();
    return { status: 'Accepted' };
  });
  await simulated.start();
  return state;
}

// From just before enqueueCommand (the insert a server action makes) until the simulated charger's
// handler runs: the whole way through PostgreSQL, LISTEN/NOTIFY, the claim and the WebSocket. `queuing`: the part
// until enqueueCommand returned, i.e. the web app's own round trips to write the command.
export async function measureRemoteStarts(charger: RemoteStartCharger, { db, accountId, idTag, gapMs }: Omit<RemoteStartOptions, 'identity' | 'port'>, signal: AbortSignal) {
  const latencies: number[] = [];
  const queuing: number[] = [];
  let lost = 0;
  try {
    for (let count = 0; count < MAX_STARTS && !signal.aborted; count++) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<boolean>((resolve) => {
        charger.received = () => resolve(true);
        timer = setTimeout(() => resolve(false), RECEIVE_TIMEOUT_MS);
      });
      const began = performance.now();
      await enqueueCommand(db, { accountId, chargerId: charger.chargerId, action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag } });
      queuing.push(performance.now() - began);
      const isReceived = await arrived;
      clearTimeout(timer);
      if (isReceived) latencies.push(performance.now() - began);
      else lost++;
      await sleep(gapMs);
    }
  } finally {
    await charger.simulated.stop();
  }
  return { ...summarize(latencies), lost, queuing: summarize(queuing) };
}

export type RemoteStartResult = Awaited<ReturnType<typeof measureRemoteStarts>>;
