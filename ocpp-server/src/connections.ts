import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger';
import type { ServerClient } from './ocpp/rpc';
import type { BatchedStore } from '../../domain/data/charger-traffic/batched';
import type { ChargerRef, LoginCredential } from '../../domain/data/charger-traffic/chargers';

// A socket let in before its credential was remembered never matches a charger row, so the sweep closes it.
export const NO_CREDENTIAL: LoginCredential = { passwordHash: null, securityProfile: 0 };

const CLOSE_GRACE_MS = 5_000;

type ConnectionsOptions = {
  store: BatchedStore;
  instanceId: string;
  log: Logger;
  onConnected: (chargerId: string) => void;
};

export function createConnections({ store, instanceId, log, onConnected }: ConnectionsOptions) {
  const clients = new Map<string, ServerClient>();
  // Each held socket's charger and credential, kept beside the client so that one 'close' listener serves them all.
  const held = new WeakMap<ServerClient, { ref: ChargerRef; credential: LoginCredential }>();
  // Per charger, so that a quick disconnect is never written before the connect it follows.
  const writes = new Map<string, Promise<void>>();

  function serialize(chargerId: string, write: () => Promise<void>) {
    const next = (writes.get(chargerId) ?? Promise.resolve())
      .then(write)
      .catch((error) => log.error({ err: error, chargerId }, 'connection state write failed'));
    writes.set(chargerId, next);
    void next.then(() => {
      if (writes.get(chargerId) === next) writes.delete(chargerId);
    });
    return next;
  }

  // Shared by every socket (the emitter calls it with the client as `this`); 'close' comes once.
  function detach(this: ServerClient) {
    const { ref } = held.get(this)!;
    if (clients.get(ref.chargerId) !== this) return;
    clients.delete(ref.chargerId);
    void serialize(ref.chargerId, () => store.markDisconnected({ ...ref, instanceId }));
  }

  function attach(client: ServerClient, ref: ChargerRef, credential: LoginCredential) {
    const previous = clients.get(ref.chargerId);
    clients.set(ref.chargerId, client);
    held.set(client, { ref, credential });
    // A charger that reconnects has given up on the old socket (often half-open): drop it without a close handshake.
    if (previous) void previous.close({ force: true });
    void serialize(ref.chargerId, async () => {
      await store.markConnected({ ...ref, instanceId, ocppVersion: client.protocol ?? 'unknown' });
      onConnected(ref.chargerId);
    });
    client.on('close', detach);
  }

  // Terminated without a close handshake: a charger whose credentials were revoked gets no say in how long it stays.
  function revoke(chargerId: string) {
    const client = clients.get(chargerId);
    if (!client) return false;
    log.warn({ chargerId, identity: client.identity }, 'charger credentials revoked: closing its connection');
    void client.close({ force: true });
    return true;
  }

  function heldCredentials() {
    return [...clients].map(([chargerId, client]) => ({ chargerId, ...(held.get(client)?.credential ?? NO_CREDENTIAL) }));
  }

  return {
    attach,
    revoke,
    held: heldCredentials,
    get: (chargerId: string) => clients.get(chargerId),
    get size() {
      return clients.size;
    },
    async closeAll() {
      // ocpp-rpc's close() can wait forever for a socket 'close' that already fired when the charger
      // left while a handler was in flight; the close event or a grace period ends the wait instead.
      await Promise.all(
        [...clients.values()].map((client) =>
          Promise.race([
            client.close({ code: 1001, reason: 'Server shutting down', awaitPending: true }),
            once(client, 'close'),
            sleep(CLOSE_GRACE_MS, undefined, { ref: false }),
          ]),
        ),
      );
      await Promise.all([...writes.values()]);
    },
  };
}

export type Connections = ReturnType<typeof createConnections>;
