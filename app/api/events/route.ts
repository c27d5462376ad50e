import { listMembershipsOfUser } from '@/domain/data/memberships';
import { getUserById } from '@/domain/data/users';
import { db } from '@/lib/db';
import { subscribeToChargerEvents, type ChargerEvent } from '@/lib/live/charger-event-hub';
import { getSessionUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const KEEPALIVE_MS = 15_000;

async function isStillSignedIn(userId: string, sessionVersion: string) {
  const user = await getUserById(db(), { userId }).catch(() => null);
  return Boolean(user && user.sessionVersion === sessionVersion);
}

async function accountIdsOf(userId: string) {
  return new Set((await listMembershipsOfUser(db(), { userId })).map((membership) => membership.accountId));
}

// Server-Sent Events: every charger event of the accounts the user belongs to. Membership is
// looked up again at each keep-alive, so a removed member stops hearing within seconds.
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  let accountIds = await accountIdsOf(user.id);
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      const send = (text: string) => {
        if (isOpen) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = await subscribeToChargerEvents((event: ChargerEvent) => {
        if (accountIds.has(event.accountId)) send(`event: charger\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const keepAlive = setInterval(async () => {
        // A session ended elsewhere (logout, password change) ends the stream too.
        if (!(await isStillSignedIn(user.id, user.sessionVersion))) return stop();
        accountIds = await accountIdsOf(user.id).catch(() => accountIds);
        send(': keep-alive\n\n');
      }, KEEPALIVE_MS);
      // Runs once, whichever comes first: the browser leaving (abort or cancel) or the session ending.
      stop = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by a cancel
        }
      };
      request.signal.addEventListener('abort', () => stop());
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
