// The address login limits count per client is the real one: a client that sends a new
// X-Forwarded-For (or our own peer header) with every guess still counts as one address.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, get as httpsGet } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/auth/client-ip';
import { isLoopback, PEER_ADDRESS_HEADER, PEER_SEAL_HEADER, recordPeerAddress } from '@/lib/auth/peer-address';
import { nonLoopbackAddress, send, startAppServer } from '../support/app-server';

recordPeerAddress();
function answer(request: IncomingMessage, response: ServerResponse) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
  response.end(JSON.stringify({ direct: clientIp(headers, 0), behindOneProxy: clientIp(headers, 1) }));
}
const server = createServer(answer);

// A self-signed certificate for localhost, made for this run only.
const certDir = mkdtempSync(path.join(tmpdir(), 'peer-tls-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-days', '1', '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')], { stdio: 'ignore' });
const cert = readFileSync(path.join(certDir, 'cert.pem'));
const secureServer = createHttpsServer({ key: readFileSync(path.join(certDir, 'key.pem')), cert }, answer);

let url: string;
let secureUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => secureServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  secureUrl = `https://127.0.0.1:${(secureServer.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => secureServer.close(() => resolve()));
  rmSync(certDir, { recursive: true, force: true });
});

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

  it('is the connection peer over HTTPS too (https.Server is no http.Server), whatever the client sends', async () => {
    const seen = await new Promise<{ direct: string }>((resolve, reject) => {
      httpsGet(secureUrl, { ca: cert, headers: { 'x-forwarded-for': '198.51.100.1', [PEER_ADDRESS_HEADER]: '203.0.113.1' } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += String(chunk))).on('end', () => resolve(JSON.parse(body) as { direct: string }));
      }).on('error', reject);
    });
    expect(seen.direct).toBe('127.0.0.1');
  });

  it('behind one trusted proxy is the address that proxy appended, not what the client put in front', async () => {
    expect((await seenAs({ 'x-forwarded-for': '198.51.100.7, 203.0.113.50' })).behindOneProxy).toBe('203.0.113.50');
  });
});

// Next.js fetches its own pages from localhost with the original request's headers (a server action's redirect,
// an action forwarded to another page): such a request is the original client, not this machine.
describe('a request the server relays to itself', () => {
  const elsewhere = nonLoopbackAddress();
  let app: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    app = await startAppServer({
      '/seen': async (request) => new Response(clientIp(request.headers, 0)),
      '/relay': async (request) => {
        const headers = new Headers(request.headers);
        headers.delete('host');
        return fetch(`http://localhost:${app.port}/seen`, { headers });
      },
    });
  });
  afterAll(() => app.close());

  it('keeps the address of the client it was relayed for', async () => {
    const relayed = await send({ port: app.port, from: elsewhere, path: '/relay', headers: { [PEER_ADDRESS_HEADER]: '127.0.0.1' } });
    expect(relayed.body).toMatch(new RegExp(`(^|:)${elsewhere.replaceAll('.', '\\.')}$`));
    expect(isLoopback((await send({ port: app.port, from: '127.0.0.1', path: '/relay' })).body)).toBe(true);
  });

  it('is told from a client on this machine that claims another address with a made-up seal', async () => {
    const claims = { [PEER_ADDRESS_HEADER]: '203.0.113.9', [PEER_SEAL_HEADER]: 'made-up' };
    expect(isLoopback((await send({ port: app.port, from: '127.0.0.1', path: '/seen', headers: claims })).body)).toBe(true);
  });
});
