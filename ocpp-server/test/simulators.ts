import { SimulatedCharger, type SimulatedChargerOptions } from '../simulator/simulated-charger';
import { SimulatedCharger201, type SimulatedCharger201Options } from '../simulator/v201/simulated-charger-201';
import { endpoint } from './helpers';

const running = new Set<{ stop(): Promise<void> }>();

type SimulatorOptions = Omit<SimulatedChargerOptions, 'url'> & { url?: string };

export async function startSimulator(server: { port: number }, options: SimulatorOptions) {
  const charger = new SimulatedCharger({
    url: endpoint(server),
    meterIntervalMs: 200,
    backoff: { initialDelay: 50, maxDelay: 500 },
    ...options,
  });
  running.add(charger);
  await charger.start();
  return charger;
}

export async function stopSimulators() {
  await Promise.all([...running].map((charger) => charger.stop()));
  running.clear();
}

type TransactionAnswer = { connectorId: number; transactionId: number };

// Resolves with the transaction id once the charger's StartTransaction or StopTransaction on that connector is answered
// (call it before the message is queued). Unlike waiting for its queue to drain, this holds while a session's meter
// values keep coming in behind that message.
export function transactionAnswered(charger: SimulatedCharger, event: 'transactionStarted' | 'transactionStopped', connectorId: number) {
  return new Promise<number>((resolve) => {
    const listener = (answer: TransactionAnswer) => {
      if (answer.connectorId !== connectorId) return;
      charger.off(event, listener);
      resolve(answer.transactionId);
    };
    charger.on(event, listener);
  });
}

// The 2.0.1 simulator, stopped with the others after each test.
export async function startSimulator201(server: { port: number }, options: Omit<SimulatedCharger201Options, 'url' | 'meterIntervalMs'> & { meterIntervalMs?: number }) {
  const charger = new SimulatedCharger201({ url: endpoint(server), meterIntervalMs: 200, ...options });
  running.add(charger);
  await charger.start();
  return charger;
}

// Resolves with the 2.0.1 transactionId once the Started or Ended TransactionEvent on that EVSE is answered.
export function transactionEvented(charger: SimulatedCharger201, event: 'transactionStarted' | 'transactionStopped', evseId: number) {
  return new Promise<string>((resolve) => {
    const listener = (answer: { evseId: number; transactionId: string }) => {
      if (answer.evseId !== evseId) return;
      charger.off(event, listener);
      resolve(answer.transactionId);
    };
    charger.on(event, listener);
  });
}
