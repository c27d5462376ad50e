import 'server-only';
import { CHARGER_EVENT_KINDS, CHARGER_EVENTS_CHANNEL, type ChargerEvent } from '@/domain/charging/charger-events';
import { db } from '@/lib/db';
import { log } from '@/lib/log';

export type { ChargerEvent };
type Listener = (event: ChargerEvent) => void;

// One LISTEN connection per web process, fanned out to every open browser stream of the
// accounts concerned (postgres.js re-issues the LISTEN after a reconnect).
const hub = globalThis as unknown as { chargewatchHub?: { listeners: Set<Listener>; ready: Promise<unknown> } };

function parse(payload: string): ChargerEvent | null {
  try {
    const event = JSON.parse(payload) as Partial<ChargerEvent>;
    const isKnown = typeof event.kind === 'string' && (CHARGER_EVENT_KINDS as readonly string[]).includes(event.kind);
    return typeof event.accountId === 'string' && typeof event.chargerId === 'string' && isKnown
      ? { accountId: event.accountId, chargerId: event.chargerId, kind: event.kind as ChargerEvent['kind'] }
      : null;
  } catch {
    return null;
  }
}

function ensureHub() {
  if (!hub.chargewatchHub) {
    const listeners = new Set<Listener>();
    const ready = db().$client.listen(CHARGER_EVENTS_CHANNEL, (payload) => {
      const event = parse(payload);
      if (!event) return log.warn({ payload }, 'ignored a malformed charger event');
      for (const listener of listeners) listener(event);
    });
    hub.chargewatchHub = { listeners, ready };
    // A LISTEN that failed (database briefly away) is tried again by the next stream, not cached.
    ready.catch(() => {
      if (hub.chargewatchHub?.ready === ready) hub.chargewatchHub = undefined;
    });
  }
  return hub.chargewatchHub;
}

export async function subscribeToChargerEvents(listener: Listener): Promise<() => void> {
  const { listeners, ready } = ensureHub();
  await ready;
  listeners.add(listener);
  return () => listeners.delete(listener);
}
