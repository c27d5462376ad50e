// The address login limits count per client is the real one: a client that sends a new
// X-Forwarded-For (or our own peer header) with every guess still counts as one address.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/auth/client-ip';
import { PEER_ADDRESS_HEADER, recordPeerAddress } from '@/lib/auth/peer-address';

recordPeerAddress();
const server = createServer((request, response) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  response.end(JSON.stringify({ direct: clientIp(headers, 0), behindOneProxy: clientIp(headers, 1) }));
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function seenAs(headers: Record<string, string>) {
  return (await (await fetch(url, { headers })).json()) as { direct: string; behindOneProxy: string };
}

describe('the client address of a login', () => {
  it('is the connection peer when no proxy is trusted, however X-Forwarded-For and the peer header are forged', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => seenAs({ 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}`, [PEER_ADDRESS_HEADER]: `203.0.113.${i}` })),
    );
    expect(new Set(guesses.map((seen) => seen.direct))).toEqual(new Set(['127.0.0.1']));
  });

  it('behind one trusted proxy is the address that proxy appended, not what the client put in front', async () => {
    expect((await seenAs({ 'x-forwarded-for': '198.51.100.7, 203.0.113.50' })).behindOneProxy).toBe('203.0.113.50');
  });
});
