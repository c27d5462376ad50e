import { and, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargerCommands } from '../../../db/schema';
import { remoteStartIdOf } from '../../commands/remote-start-id';

// How long after an accepted RemoteStartTransaction the charger's Authorize and StartTransaction with its idTag
// count as remote-started (the card decided in the `remoteStart` context): the charger may wait for the cable
// (ConnectionTimeOut) before it starts. Read from the command rows, so it holds whichever OCPP server process
// the charger is connected to, and across restarts.
export const REMOTE_START_WINDOW_MS = 10 * 60_000;

function acceptedRemoteStarts(chargerId: string | SQL, ...more: SQL[]) {
  return and(
    eq(chargerCommands.chargerId, chargerId),
    eq(chargerCommands.action, 'RemoteStartTransaction'),
    // `sent` too: the charger answers Accepted and starts at once, often before that answer is written.
    inArray(chargerCommands.status, ['sent', 'accepted']),
    gt(chargerCommands.createdAt, new Date(Date.now() - REMOTE_START_WINDOW_MS)),
    ...more,
  );
}

// The newest accepted remote start at the charger for this tag (letter case aside). Values or, for many lookups at
// once, SQL expressions of each lookup's row (charger-traffic/card-lookups.ts).
export function acceptedRemoteStartQuery(db: Executor, { chargerId, idTag }: { chargerId: string | SQL; idTag: string | SQL }) {
  return db
    .select({ id: chargerCommands.id, requestedBy: chargerCommands.requestedBy })
    .from(chargerCommands)
    .where(acceptedRemoteStarts(chargerId, sql`upper(${chargerCommands.payload}->>'idTag') = upper(${idTag})`))
    .orderBy(desc(chargerCommands.createdAt))
    .limit(1);
}

// The accepted remote start an OCPP 2.0.1 TransactionEvent names by its remoteStartId, with the tag it was for: the
// charger may start on plug-in and send no token of its own.
export async function findRemoteStartById(db: Executor, { chargerId, remoteStartId }: { chargerId: string; remoteStartId: number }) {
  const rows = await db
    .select({ id: chargerCommands.id, idTag: sql<string>`${chargerCommands.payload}->>'idTag'` })
    .from(chargerCommands)
    .where(acceptedRemoteStarts(chargerId));
  return rows.find((row) => remoteStartIdOf(row.id) === remoteStartId) ?? null;
}
