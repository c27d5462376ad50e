// A small stand-in for the Next.js server, for tests that need real connections: it records each request's TCP
// peer as the platform's server does (lib/auth/peer-address.ts, installed by instrumentation.ts), runs the route
// with that request's headers behind next/headers (tests/support/request-headers.ts), and answers what Next.js
// would for notFound() and redirect().
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordPeerAddress } from '@/lib/auth/peer-address';
import { withRequestHeaders } from './request-headers';

export { nonLoopbackAddress, send } from './network';

export type Route = (request: Request) => Promise<Response>;

function webRequest(incoming: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), { method: incoming.method, headers, body: hasBody ? new Uint8Array(body) : undefined });
}

// notFound() and redirect() throw errors whose digest Next.js turns into a 404 or a redirect.
function thrownAnswer(error: unknown): Response {
  const digest = String((error as { digest?: unknown } | null)?.digest ?? '');
  if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return new Response('not found', { status: 404 });
  const [kind, , location, status] = digest.split(';');
  if (kind === 'NEXT_REDIRECT' && location) return new Response(null, { status: Number(status) || 307, headers: { location } });
  throw error;
}

async function answer(route: Route, request: Request, outgoing: ServerResponse) {
  const response = await withRequestHeaders(request.headers, () => route(request)).catch(thrownAnswer);
  const headers: Record<string, string | string[]> = Object.fromEntries([...response.headers].filter(([name]) => name !== 'set-cookie'));
  if (response.headers.getSetCookie().length > 0) headers['set-cookie'] = response.headers.getSetCookie();
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

// Listens on every interface (IPv4 and IPv6), as `next start` does; routes are matched on the path's start.
export async function startAppServer(routes: Record<string, Route>) {
  recordPeerAddress();
  let origin = '';
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = webRequest(incoming, origin, Buffer.concat(chunks));
    const path = new URL(request.url).pathname;
    const prefix = Object.keys(routes).sort((a, b) => b.length - a.length).find((start) => path === start || path.startsWith(`${start}/`));
    if (!prefix) return void outgoing.writeHead(404).end();
    await answer(routes[prefix]!, request, outgoing).catch((error: unknown) => outgoing.writeHead(500).end(error instanceof Error ? error.stack : String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://localhost:${port}`;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
