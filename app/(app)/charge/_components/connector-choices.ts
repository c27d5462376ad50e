import { MAX_CONNECTORS } from '@/domain/charging/limits';
import type { ChargerSummary } from '@/domain/data/chargers';

const STARTABLE = new Set(['Available', 'Preparing']);

type Choices = {
  charger: Pick<ChargerSummary, 'connectors' | 'connectorCount'>;
  openSessions: { connectorId: number }[];
  reservations: { connectorId: number; isMine: boolean }[];
};

// The connectors a start may name (free ones, and those reserved for this user), and those free to reserve. A
// charger that has reported no connector yet may still take a start on any of its declared ones.
export function connectorChoices({ charger, openSessions, reservations }: Choices) {
  const busy = new Set(openSessions.map((session) => session.connectorId));
  const reservedFor = new Map(reservations.map((reservation) => [reservation.connectorId, reservation.isMine]));
  const isStartable = (c: { connectorId: number; status: string }) =>
    !busy.has(c.connectorId) && (reservedFor.get(c.connectorId) ?? STARTABLE.has(c.status));
  const free = charger.connectors.filter(isStartable).map((c) => c.connectorId);
  const connectorIds = free.length > 0 || charger.connectors.length > 0 ? free : Array.from({ length: Math.min(charger.connectorCount, MAX_CONNECTORS) }, (_, i) => i + 1);
  const reservable = charger.connectors.filter((c) => c.status === 'Available' && !busy.has(c.connectorId) && !reservedFor.has(c.connectorId)).map((c) => c.connectorId);
  return { connectorIds, reservable };
}
