import type { CardRefusal, RecordedStatus } from './charging-events';

// "Why isn't it charging?": per connector, what holds it back now and the last events that explain it, as codes
// the web app words (domain/ never translates).

export type RemoteStartOutcome = 'waiting' | 'accepted' | 'rejected' | 'timeout' | 'failed' | 'offline' | 'expired';

export type WhyEvent =
  | { code: 'cardRefused'; refusal: CardRefusal; idTag: string }
  | { code: 'status'; status: RecordedStatus; errorCode: string | null }
  | { code: 'remoteStart'; outcome: RemoteStartOutcome }
  | { code: 'wentOffline' }
  | { code: 'backOnline' };

// `isChargerWide`: the charger reported it for no connector in particular (an Authorize, connector 0).
export type WhyEntry = WhyEvent & { at: Date; isChargerWide: boolean };

export type WhyNow =
  | { code: 'offline'; since: Date | null }
  | { code: 'neverConnected' }
  | { code: 'outOfOrder'; status: 'Faulted' | 'Unavailable'; errorCode: string }
  | { code: 'charging' }
  | { code: 'carNotReady' }
  | { code: 'chargerPaused' }
  // Paused by the charger while the owner's charging windows are closed.
  | { code: 'limitedBySchedule'; resumesAt: Date | null }
  | { code: 'reserved'; isForViewer: boolean; holderName: string | null; until: Date }
  // The newest event, while it still explains the connector: a refused card, a start from the app under way or refused.
  | { code: 'recent'; entry: WhyEntry }
  | { code: 'ready' };

export type ConnectorWhy = { connectorId: number; now: WhyNow; timeline: WhyEntry[] };

export type WhyInput = {
  connectorIds: number[];
  charger: { isOnline: boolean; connectedAt: Date | null; disconnectedAt: Date | null };
  // As last reported (the connectors table); connector 0 is the charger as a whole.
  statuses: { connectorId: number; status: string; errorCode: string }[];
  events: { connectorId: number; kind: string; code: string; idTag: string | null; errorCode: string | null; at: Date }[];
  // RemoteStartTransaction commands; connectorId null when the request named none.
  remoteStarts: { connectorId: number | null; status: string; at: Date }[];
  reservations: { connectorId: number; isForViewer: boolean; holderName: string | null; until: Date }[];
  // Set while the owner's charging windows hold the charger at 0 (closed now): when the next one opens.
  scheduleHold: { resumesAt: Date | null } | null;
  now: Date;
};

export const TIMELINE_LENGTH = 8;
// A refused card or an unanswered start this recent is what the driver is asking about, unless charging began since.
export const RECENT_MS = 15 * 60_000;

const OUT_OF_ORDER = new Set(['Faulted', 'Unavailable']);
const COMMAND_OUTCOMES: Record<string, RemoteStartOutcome> = {
  pending: 'waiting',
  sent: 'waiting',
  accepted: 'accepted',
  rejected: 'rejected',
  timeout: 'timeout',
  failed: 'failed',
  offline: 'offline',
  expired: 'expired',
};

function eventEntries(input: WhyInput, connectorId: number): WhyEntry[] {
  return input.events
    .filter((event) => event.connectorId === connectorId || event.connectorId === 0)
    .map((event): WhyEntry => {
      const place = { at: event.at, isChargerWide: event.connectorId === 0 };
      if (event.kind === 'card') return { ...place, code: 'cardRefused', refusal: event.code as CardRefusal, idTag: event.idTag ?? '' };
      return { ...place, code: 'status', status: event.code as RecordedStatus, errorCode: event.errorCode };
    });
}

function remoteStartEntries(input: WhyInput, connectorId: number): WhyEntry[] {
  return input.remoteStarts
    .filter((start) => start.connectorId === connectorId || start.connectorId === null)
    .map((start) => ({ code: 'remoteStart', outcome: COMMAND_OUTCOMES[start.status] ?? 'failed', at: start.at, isChargerWide: start.connectorId === null }));
}

function connectionEntries({ charger }: WhyInput): WhyEntry[] {
  const entries: WhyEntry[] = [];
  if (charger.disconnectedAt) entries.push({ code: 'wentOffline', at: charger.disconnectedAt, isChargerWide: true });
  if (charger.isOnline && charger.connectedAt && charger.disconnectedAt && charger.connectedAt > charger.disconnectedAt) {
    entries.push({ code: 'backOnline', at: charger.connectedAt, isChargerWide: true });
  }
  return entries;
}

export function isProblem(entry: WhyEntry) {
  if (entry.code === 'cardRefused' || entry.code === 'wentOffline') return true;
  if (entry.code === 'remoteStart') return entry.outcome !== 'accepted' && entry.outcome !== 'waiting';
  return entry.code === 'status' && entry.status !== 'Charging';
}

// Statuses and the connection speak for themselves in the current state; the newest card or start from the app is
// the answer while it is recent and nothing has charged since.
function recentEvent(timeline: WhyEntry[], now: Date): WhyNow | null {
  for (const entry of timeline) {
    if (now.getTime() - entry.at.getTime() > RECENT_MS) return null;
    if (entry.code === 'status' && entry.status === 'Charging') return null;
    if (entry.code === 'remoteStart' && entry.outcome === 'accepted') return null;
    if (entry.code === 'cardRefused' || entry.code === 'remoteStart') return { code: 'recent', entry };
  }
  return null;
}

function whyNow(input: WhyInput, connectorId: number, timeline: WhyEntry[]): WhyNow {
  const { charger } = input;
  if (!charger.isOnline) return charger.connectedAt || charger.disconnectedAt ? { code: 'offline', since: charger.disconnectedAt } : { code: 'neverConnected' };
  const statusOf = (id: number) => input.statuses.find((status) => status.connectorId === id);
  const broken = [statusOf(0), statusOf(connectorId)].find((status) => status && OUT_OF_ORDER.has(status.status));
  if (broken) return { code: 'outOfOrder', status: broken.status as 'Faulted' | 'Unavailable', errorCode: broken.errorCode };
  const status = statusOf(connectorId)?.status;
  if (status === 'Charging') return { code: 'charging' };
  if (status === 'SuspendedEV') return { code: 'carNotReady' };
  if (status === 'SuspendedEVSE') return input.scheduleHold ? { code: 'limitedBySchedule', resumesAt: input.scheduleHold.resumesAt } : { code: 'chargerPaused' };
  const reservation = input.reservations.find((held) => held.connectorId === connectorId);
  if (reservation) return { code: 'reserved', isForViewer: reservation.isForViewer, holderName: reservation.holderName, until: reservation.until };
  return recentEvent(timeline, input.now) ?? { code: 'ready' };
}

export function whyNotCharging(input: WhyInput): ConnectorWhy[] {
  return input.connectorIds.map((connectorId) => {
    const timeline = [...eventEntries(input, connectorId), ...remoteStartEntries(input, connectorId), ...connectionEntries(input)]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, TIMELINE_LENGTH);
    return { connectorId, now: whyNow(input, connectorId, timeline), timeline };
  });
}
