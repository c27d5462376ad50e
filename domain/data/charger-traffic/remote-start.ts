import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargerCommands } from '../../../db/schema';

// How long after an accepted RemoteStartTransaction the charger's Authorize and StartTransaction with its idTag
// count as remote-started (the card decided in the `remoteStart` context): the charger may wait for the cable
// (ConnectionTimeOut) before it starts. Read from the command rows, so it holds whichever OCPP server process
// the charger is connected to, and across restarts.
export const REMOTE_START_WINDOW_MS = 10 * 60_000;

export async function findAcceptedRemoteStart(db: Executor, { chargerId, idTag }: { chargerId: string; idTag: string }) {
  const [row] = await db
    .select({ id: chargerCommands.id, requestedBy: chargerCommands.requestedBy })
    .from(chargerCommands)
    .where(
      and(
        eq(chargerCommands.chargerId, chargerId),
        eq(chargerCommands.action, 'RemoteStartTransaction'),
        // `sent` too: the charger answers Accepted and starts at once, often before that answer is written.
        inArray(chargerCommands.status, ['sent', 'accepted']),
        sql`upper(${chargerCommands.payload}->>'idTag') = upper(${idTag})`,
        gt(chargerCommands.createdAt, new Date(Date.now() - REMOTE_START_WINDOW_MS)),
      ),
    )
    .orderBy(desc(chargerCommands.createdAt))
    .limit(1);
  return row ?? null;
}
