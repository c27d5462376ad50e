import { expect } from 'vitest';
import { waitFor } from '@/ocpp-server/test/helpers';
import { transactionAnswered, type startSimulator } from '@/ocpp-server/test/simulators';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

// A short session on connector 1 with `idTag`, started and stopped by the simulated charger; its transaction id.
export async function chargeAndStop(simulator: Simulator, idTag: string): Promise<number> {
  const started = transactionAnswered(simulator, 'transactionStarted', 1);
  expect(await simulator.startSession(1, idTag)).toBe(true);
  const transactionId = await started;
  await waitFor(async () => simulator.meterReading(1) > 20);
  const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
  await simulator.stopSession(1);
  await stopped;
  return transactionId;
}
