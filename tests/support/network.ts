// Requests as from another machine: sent from this machine's own non-loopback address, so the server sees that
// address as the TCP peer. Used by the tests and the browser tests (e2e/).
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';

export type Answer = { status: number; location: string | null; cookies: string[]; body: string };

// This machine's first address that is not loopback (what `hostname -I` shows first), to send from "another machine".
export function nonLoopbackAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
  if (!address) throw new Error('this machine has no IPv4 address but loopback, so no request can come from elsewhere');
  return address;
}

// One request from the given local address to the same address (so a non-loopback one travels as from another
// machine), with whatever headers the test's client writes.
export function send(
  { port, from, path, method = 'GET', headers = {}, body }: { port: number; from: string; path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: from, localAddress: from, port, path, method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, cookies: response.headers['set-cookie'] ?? [], body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
