import { listMembershipsOfUser } from '@/domain/data/memberships';
import { getActiveSession } from '@/domain/data/user-sessions';
import { db } from '@/lib/db';
import { subscribeToChargerEvents, type ChargerEvent } from '@/lib/live/charger-event-hub';
import { getSessionUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const KEEPALIVE_MS = 15_000;

async function isStillSignedIn(sessionId: string) {
  return (await getActiveSession(db(), { sessionId }).catch(() => null)) !== null;
}

async function accountIdsOf(userId: string) {
  const memberships = await listMembershipsOfUser(db(), { userId });
  return new Set(memberships.filter((membership) => !membership.twoFactorMissing).map((membership) => membership.accountId));
}

// Server-Sent Events: every charger event of the accounts the user belongs to. The session and the
// memberships are looked up again at each keep-alive, so a stream of an ended session closes, and a
// removed member stops hearing, within one keep-alive interval.
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  let accountIds = await accountIdsOf(user.id);
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      let unsubscribe = () => {};
      let keepAlive: ReturnType<typeof setInterval> | null = null;
      // Runs once, whichever comes first: the browser leaving (abort or cancel, possibly before the stream is even
      // subscribed), the session ending, or a write into a stream the runtime already closed.
      stop = () => {
        if (!isOpen) return;
        isOpen = false;
        if (keepAlive) clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by a cancel
        }
      };
      const send = (text: string) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      request.signal.addEventListener('abort', () => stop());
      if (request.signal.aborted) return stop();

      const release = await subscribeToChargerEvents((event: ChargerEvent) => {
        if (accountIds.has(event.accountId)) send(`event: charger\ndata: ${JSON.stringify(event)}\n\n`);
      });
      if (!isOpen) return release();
      unsubscribe = release;
      keepAlive = setInterval(async () => {
        // A session ended meanwhile (logout here or "everywhere" elsewhere, a new password) ends the stream too.
        if (!(await isStillSignedIn(user.sessionId))) return stop();
        accountIds = await accountIdsOf(user.id).catch(() => accountIds);
        send(': keep-alive\n\n');
      }, KEEPALIVE_MS);
      send('retry: 2000\nevent: ready\ndata: {}\n\n');
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
