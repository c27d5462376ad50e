import type { Database } from '../../../db/client';
import type { Logger } from '../logger';
import type { AuthorityProvider } from '../platform-ca';
import type { BatchedStore } from '../../../domain/data/charger-traffic/batched';
import type { ChargerRef } from '../../../domain/data/charger-traffic/chargers';
import type { ConnectionMemory } from './connection-memory';

export type HandlerContext = {
  charger: ChargerRef;
  identity: string;
  db: Database;
  store: BatchedStore;
  log: Logger;
  heartbeatIntervalSec: number;
  // Called once a BootNotification is accepted: the server provisions the charger after answering it.
  onBooted: (chargerId: string) => void;
  // The platform CA, for SignCertificate; null without one (no AUTH_SECRET nor CA files).
  authority: AuthorityProvider;
  // This socket's: what its handlers learnt of the charger and may trust while it stays open.
  memory: ConnectionMemory;
};

export type Handler<Request, Response> = (ctx: HandlerContext, request: Request) => Promise<Response>;

// One protocol version's actions; params reach a handler only after ocpp-rpc's strict schema validation.
export type ActionTable = Record<string, Handler<never, unknown>>;
