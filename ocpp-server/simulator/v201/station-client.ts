import { RPCClient } from '../../src/ocpp/rpc';
import type { SimulatedCharger201Options } from './options-201';

export type StationClient = InstanceType<typeof RPCClient>;

// The station's OCPP-J connection: 2.0.1 only, strict about schemas both ways, reconnecting by itself.
export function stationClient(options: SimulatedCharger201Options): StationClient {
  return new RPCClient({
    endpoint: options.url,
    identity: options.identity,
    password: options.password ?? null,
    protocols: ['ocpp2.0.1'],
    strictMode: true,
    reconnect: true,
    ...(options.backoff ? { backoff: { factor: 2, randomisationFactor: 0.5, ...options.backoff } } : {}),
    ...(options.clientCertificate?.serverCa ? { wsOpts: { ca: options.clientCertificate.serverCa } } : {}),
  } as ConstructorParameters<typeof RPCClient>[0]);
}

// The password it logs in with now (a SetVariables may have changed it).
export function currentPassword(client: StationClient): string | null {
  return (client as unknown as { _options: { password: string | null } })._options.password;
}
