import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cards, connectors } from '@/db/schema';
import { authorizeCard } from '@/domain/charging/authorize-card';
import { sendCommand } from '@/domain/commands/send';
import { getChargerForUser, getOpenTransaction } from '@/lib/data/charge';
import { db } from '@/lib/db';

const OCCUPIED = new Set(['Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Reserved']);
const OUT_OF_ORDER = new Set(['Faulted', 'Unavailable']);
const WAIT_MS = 10_000;

export type StartResult = 'started' | 'notFound' | 'noValidCard' | 'chargerOffline' | 'connectorOccupied' | 'connectorFaulted' | 'startRejected' | 'startNoAnswer';

type StartRequest = { userId: string; chargerId: string; connectorId: number; cardId: string };

async function usableIdTag({ userId, accountId, cardId }: { userId: string; accountId: string; cardId: string }) {
  const [card] = await db()
    .select({ idTag: cards.idTag })
    .from(cards)
    .where(and(eq(cards.id, cardId), eq(cards.accountId, accountId), eq(cards.userId, userId)));
  if (!card) return null;
  const authorization = await authorizeCard(db(), { accountId, idTag: card.idTag, context: 'remoteStart' });
  return authorization.status === 'Accepted' ? card.idTag : null;
}

async function connectorStatus(chargerId: string, connectorId: number) {
  const [row] = await db()
    .select({ status: connectors.status })
    .from(connectors)
    .where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, connectorId)));
  return row?.status ?? null;
}

// Checks what can be known before asking the charger, then sends RemoteStartTransaction through the
// command bus (OCPP 1.6 §5.11). A second click joins the start already on its way (isExclusive).
export async function startCharging({ userId, chargerId, connectorId, cardId }: StartRequest): Promise<StartResult> {
  const charger = await getChargerForUser({ userId, chargerId });
  if (!charger) return 'notFound';
  const idTag = await usableIdTag({ userId, accountId: charger.accountId, cardId });
  if (!idTag) return 'noValidCard';
  if (!charger.isOnline) return 'chargerOffline';
  const status = await connectorStatus(chargerId, connectorId);
  if (status && OUT_OF_ORDER.has(status)) return 'connectorFaulted';
  if ((status && OCCUPIED.has(status)) || (await getOpenTransaction({ chargerId, connectorId }))) return 'connectorOccupied';

  const outcome = await sendCommand(
    db(),
    { accountId: charger.accountId, chargerId, action: 'RemoteStartTransaction', payload: { connectorId, idTag }, requestedBy: userId, isExclusive: true },
    { waitMs: WAIT_MS },
  );
  if (!outcome) return 'notFound';
  if (outcome.status === 'accepted') return 'started';
  if (outcome.status === 'offline') return 'chargerOffline';
  if (outcome.status === 'rejected' || outcome.status === 'failed') return 'startRejected';
  return 'startNoAnswer';
}
