import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client';

// The facts about one charger that PostgreSQL holds and that cannot change while its socket is open, kept by the
// socket's handlers so that a message naming them again costs no round trip (issue 23): the platform's number for
// an (EVSE, connector), given once and kept for good, and a 2.0.1 session's id and connector. A charger's rows go
// only with the charger, whose socket is closed then; a reconnection, to this process or another, starts empty.
export type KnownSession = { id: number; connectorId: number; isMeterStartPending: boolean };

// A charger runs a session or two at a time; the ones it ended are forgotten, and these bound what one that never
// sends its Ended events can leave behind.
const MAX_SESSIONS = 16;

// Only what is committed is kept: a number read or inserted inside a transaction is gone if that transaction rolls
// back, and a later message must not be answered with it.
const isCommitted = (db: Executor) => !(db instanceof PgTransaction);

const evseKey = (evseId: number, evseConnectorId: number) => `${evseId}/${evseConnectorId}`;

// One per socket, so its methods live on the prototype and its maps are made on first use: most chargers (1.6 ones,
// and a 2.0.1 charger's idle hours) never fill them, and 19,000 sockets paid for two empty maps and ten closures each.
export class ConnectionMemory {
  #connectors: Map<string, number> | undefined;
  #sessions: Map<string, KnownSession> | undefined;

  connectorOf(evseId: number, evseConnectorId: number) {
    return this.#connectors?.get(evseKey(evseId, evseConnectorId));
  }

  rememberConnector(db: Executor, { evseId, evseConnectorId, connectorId }: { evseId: number; evseConnectorId: number; connectorId: number }) {
    if (isCommitted(db)) (this.#connectors ??= new Map()).set(evseKey(evseId, evseConnectorId), connectorId);
  }

  sessionOf(ocppTransactionId: string) {
    return this.#sessions?.get(ocppTransactionId);
  }

  rememberSession(db: Executor, ocppTransactionId: string, session: KnownSession) {
    if (!isCommitted(db)) return;
    const sessions = (this.#sessions ??= new Map());
    sessions.delete(ocppTransactionId);
    sessions.set(ocppTransactionId, session);
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  }

  forgetSession(ocppTransactionId: string) {
    this.#sessions?.delete(ocppTransactionId);
  }
}
