import type { Sql } from 'postgres';
import type { Database } from '../../db/client';
import { CHARGER_REVOKED_CHANNEL } from '../../domain/charging/charger-events';
import type { Connections } from './connections';
import { listenWithSweep } from './listen-with-sweep';
import type { Logger } from './logger';
import { findRevokedChargers } from '../../domain/data/charger-traffic/chargers';

type RevocationOptions = { db: Database; sql: Sql; connections: Connections; log: Logger; sweepEveryMs?: number };

// The upgrade check (auth.ts) runs once per socket; this closes sockets whose charger has since been removed or
// given a new password, so that only the new password (or nothing, after removal) gets back in.
export async function startRevocationListener({ db, sql, connections, log, sweepEveryMs = 30_000 }: RevocationOptions) {
  async function sweep() {
    try {
      const revoked = await findRevokedChargers(db, connections.held());
      for (const chargerId of revoked) connections.revoke(chargerId);
    } catch (error) {
      log.error({ err: error }, 'revocation sweep failed');
    }
  }

  // The timer also catches a charger that passed the upgrade check just before the change committed.
  const stop = await listenWithSweep(sql, CHARGER_REVOKED_CHANNEL, {
    onNotify: (chargerId) => void connections.revoke(chargerId),
    sweep,
    sweepEveryMs,
  });
  return { sweep, stop };
}
