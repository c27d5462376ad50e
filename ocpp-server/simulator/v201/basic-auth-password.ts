import type { V201Requests } from '../../src/ocpp/v201';
import type { SimulatedCharger201Options } from './options-201';
import type { StationClient } from './station-client';

type Station = {
  client: StationClient;
  answer: SimulatedCharger201Options['newPasswords'];
  later: (work: () => Promise<unknown>) => void;
  isStopped: () => boolean;
};

// SecurityCtrlr.BasicAuthPassword (A01): write-only, 16 to 40 characters; taken, the station closes its connection
// and logs in again with it. Null for any other variable.
export function takeNewPassword(station: Station, data: V201Requests['SetVariables']['setVariableData'][number]) {
  if (data.component.name !== 'SecurityCtrlr' || data.variable.name !== 'BasicAuthPassword') return null;
  const result = { component: data.component, variable: data.variable };
  const answer = station.answer ?? 'take';
  if (answer === 'unknownVariable') return { ...result, attributeStatus: 'UnknownVariable' as const };
  const password = data.attributeValue;
  if (answer === 'refuse' || password.length < 16 || password.length > 40) return { ...result, attributeStatus: 'Rejected' as const };
  station.later(() => reconnectWith(station, password));
  return { ...result, attributeStatus: 'Accepted' as const };
}

async function reconnectWith({ client, isStopped }: Station, password: string) {
  // ocpp-rpc merges the options given into its own; its types ask for all of them.
  client.reconfigure({ password } as unknown as Parameters<typeof client.reconfigure>[0]);
  await client.close({ code: 1000, awaitPending: true });
  if (!isStopped()) await client.connect();
}
