import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerCommands, chargers, chargingEvents, connectors } from '../../db/schema';
import { CHARGING_EVENTS_KEPT } from '../charging/charging-events';
import { MAX_CONNECTORS } from '../charging/limits';
import { whyNotCharging } from '../charging/why-not-charging';
import { getChargerForUser } from './chargers';
import { getPowerSettingsToSend } from './power-settings';
import { listOpenReservations } from './reservations';
import { isOpenAt, nextOpening } from '../smart-charging/charging-windows';

const REMOTE_STARTS_READ = 10;

function listChargingEvents(db: Executor, chargerId: string) {
  return db
    .select({ connectorId: chargingEvents.connectorId, kind: chargingEvents.kind, code: chargingEvents.code, idTag: chargingEvents.idTag, errorCode: chargingEvents.errorCode, at: chargingEvents.at })
    .from(chargingEvents)
    .where(eq(chargingEvents.chargerId, chargerId))
    .orderBy(desc(chargingEvents.id))
    .limit(CHARGING_EVENTS_KEPT);
}

// The command rows are where the outcome of a start from the app is decided and kept (by whichever process answered,
// swept or timed it out).
async function listRemoteStarts(db: Executor, chargerId: string) {
  const rows = await db
    .select({ connectorId: sql<number | null>`(${chargerCommands.payload}->>'connectorId')::int`, status: chargerCommands.status, at: sql<Date>`coalesce(${chargerCommands.completedAt}, ${chargerCommands.createdAt})`.mapWith(chargerCommands.createdAt) })
    .from(chargerCommands)
    .where(and(eq(chargerCommands.chargerId, chargerId), eq(chargerCommands.action, 'RemoteStartTransaction')))
    .orderBy(desc(chargerCommands.createdAt))
    .limit(REMOTE_STARTS_READ);
  return rows;
}

function scheduleHold(power: Awaited<ReturnType<typeof getPowerSettingsToSend>>, now: Date) {
  if (!power || power.windows.length === 0 || isOpenAt(power.windows, now, power.timeZone)) return null;
  return { resumesAt: nextOpening(power.windows, now, power.timeZone) };
}

// "Why isn't it charging?" for each connector of a charger of an account the user is a member of (two-factor
// included where the account requires it); null otherwise.
export async function getWhyNotCharging(db: Executor, { userId, chargerId, now = new Date() }: { userId: string; chargerId: string; now?: Date }) {
  if (!(await getChargerForUser(db, { userId, chargerId }))) return null;
  const [[charger], statuses, events, remoteStarts, reservations, power] = await Promise.all([
    db
      .select({ name: chargers.name, isOnline: chargers.isOnline, connectedAt: chargers.connectedAt, disconnectedAt: chargers.disconnectedAt, connectorCount: chargers.connectorCount })
      .from(chargers)
      .where(eq(chargers.id, chargerId)),
    db.select({ connectorId: connectors.connectorId, status: connectors.status, errorCode: connectors.errorCode }).from(connectors).where(eq(connectors.chargerId, chargerId)),
    listChargingEvents(db, chargerId),
    listRemoteStarts(db, chargerId),
    listOpenReservations(db, { userId, chargerIds: [chargerId] }),
    getPowerSettingsToSend(db, chargerId),
  ]);
  if (!charger) return null;
  const count = Math.min(Math.max(charger.connectorCount, ...statuses.map((status) => status.connectorId)), MAX_CONNECTORS);
  const connectorWhys = whyNotCharging({
    connectorIds: Array.from({ length: count }, (_, index) => index + 1),
    charger,
    statuses,
    events,
    remoteStarts,
    reservations: reservations.map((held) => ({ connectorId: held.connectorId, isForViewer: held.isMine, holderName: held.userName, until: held.expiresAt })),
    scheduleHold: scheduleHold(power, now),
    now,
  });
  return { name: charger.name, connectors: connectorWhys };
}
export type WhyNotChargingView = NonNullable<Awaited<ReturnType<typeof getWhyNotCharging>>>;
