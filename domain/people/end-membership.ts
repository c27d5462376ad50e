import type { Database } from '../../db/client';
import { localListChanged } from '../cards/local-list';
import { enqueueCommand } from '../commands/enqueue';
import { removeMembership } from '../data/memberships';
import { listOpenSessionsOfPerson } from '../data/people-sessions';
import { success } from '../data/result';
import { withdrawReservationsOfMember } from '../reservations/withdraw';

type Ending = { accountId: string; userId: string; requestedBy: string | null };

// Removal, leaving or a guest's end: the membership goes, the person's cards here are blocked (also in the chargers'
// local lists), the invitations they sent are withdrawn, the connectors they reserved released, and each session of
// theirs still running gets a RemoteStopTransaction (OCPP 1.6 §5.12). The stops are not waited for: a charger that
// does not answer leaves its session listed on the Customers page (listSessionsOfFormerMembers), with a Stop button.
export async function endMembership(db: Database, { accountId, userId, requestedBy }: Ending) {
  const running = await listOpenSessionsOfPerson(db, { accountId, userId });
  const removed = await removeMembership(db, { accountId, userId });
  if (!removed.ok) return removed;
  await localListChanged(db, { accountId });
  await withdrawReservationsOfMember(db, { accountId, userId, requestedBy });
  for (const session of running) {
    await enqueueCommand(db, {
      accountId,
      chargerId: session.chargerId,
      action: 'RemoteStopTransaction',
      payload: { transactionId: session.id },
      requestedBy,
      isExclusive: true,
    });
  }
  return success({ stoppedSessions: running.length });
}
