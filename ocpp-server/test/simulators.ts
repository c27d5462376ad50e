import { SimulatedCharger, type SimulatedChargerOptions } from '../simulator/simulated-charger';
import { endpoint } from './helpers';

const running = new Set<SimulatedCharger>();

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
