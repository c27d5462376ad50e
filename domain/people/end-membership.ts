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
// theirs still running gets a RemoteStopTransaction (OCPP 1.6 §5.12). All of it in one transaction: a step that fails
// leaves the person a member, so that the guest sweep or the next click does the whole again. The stops are not
// waited for: a charger that does not answer leaves its session listed on the Customers page
// (listSessionsOfFormerMembers), with a Stop button.
export async function endMembership(db: Database, { accountId, userId, requestedBy }: Ending) {
  return db.transaction(async (tx) => {
    const removed = await removeMembership(tx, { accountId, userId });
    if (!removed.ok) return removed;
    const running = await listOpenSessionsOfPerson(tx, { accountId, userId });
    await localListChanged(tx, { accountId });
    await withdrawReservationsOfMember(tx, { accountId, userId, requestedBy });
    for (const { id, chargerId } of running) {
      await enqueueCommand(tx, { accountId, chargerId, action: 'RemoteStopTransaction', payload: { transactionId: id }, requestedBy, isExclusive: true });
    }
    return success({ stoppedSessions: running.length });
  });
}
