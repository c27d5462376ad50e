import { listMembershipsOfUser } from '@/lib/data/memberships';
import { subscribeToChargerEvents, type ChargerEvent } from '@/lib/live/charger-event-hub';
import { getSessionUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const KEEPALIVE_MS = 15_000;

async function accountIdsOf(userId: string) {
  return new Set((await listMembershipsOfUser(userId)).map((membership) => membership.accountId));
}

// Server-Sent Events: every charger event of the accounts the user belongs to. Membership is
// looked up again at each keep-alive, so a removed member stops hearing within seconds.
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  let accountIds = await accountIdsOf(user.id);
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const onEvent = (event: ChargerEvent) => {
        if (accountIds.has(event.accountId)) send(`event: charger\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = await subscribeToChargerEvents(onEvent);
      const keepAlive = setInterval(async () => {
        accountIds = await accountIdsOf(user.id).catch(() => accountIds);
        send(': keep-alive\n\n');
      }, KEEPALIVE_MS);
      cleanup = () => {
        clearInterval(keepAlive);
        unsubscribe();
      };
      request.signal.addEventListener('abort', () => {
        cleanup();
        controller.close();
      });
      send('retry: 2000\nevent: ready\ndata: {}\n\n');
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
}
