import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

// Addresses a URL an owner typed must never make the platform call: its own machine, its private networks, link-local
// (cloud metadata services), multicast and reserved space.
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type PublicFetchProblem = 'notAllowed' | 'unreachable' | 'httpStatus' | 'tooLarge';
type Fetched = { ok: true; text: string } | { ok: false; problem: PublicFetchProblem };
type Options = { maxBytes: number; timeoutMs: number; allowedHosts: string[]; redirectsLeft?: number };

class NotAllowedError extends Error {}

// Resolves the name as the connection is made and refuses a private answer there, so a name that resolves to a public
// address when checked and a private one when connecting (DNS rebinding) gains nothing.
function guardedLookup(allowed: boolean): typeof lookup {
  return ((hostname: string, options: object, callback: (error: Error | null, address: string | object[], family?: number) => void) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = allowed ? addresses : addresses.filter((entry) => isPublicAddress(entry.address));
      if (usable.length === 0) return callback(new NotAllowedError(`${hostname} is not a public address`), []);
      if ((options as { all?: boolean }).all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  }) as typeof lookup;
}

// GETs an http(s) URL on the public internet (or on a host in `allowedHosts`) as text, following up to three
// redirects under the same rule, and gives up past `maxBytes` without reading the rest.
export function fetchPublicText(url: string, { maxBytes, timeoutMs, allowedHosts, redirectsLeft = 3 }: Options): Promise<Fetched> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve({ ok: false, problem: 'unreachable' });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.resolve({ ok: false, problem: 'notAllowed' });
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const isAllowed = allowedHosts.includes(host);
  if (isIP(host) && !isAllowed && !isPublicAddress(host)) return Promise.resolve({ ok: false, problem: 'notAllowed' });
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<Fetched>((resolve) => {
    const request = client.get(target, { lookup: guardedLookup(isAllowed), timeout: timeoutMs, headers: { accept: 'text/csv, application/json, text/plain' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location && redirectsLeft > 0) {
        response.resume();
        const next = new URL(response.headers.location, target).toString();
        resolve(fetchPublicText(next, { maxBytes, timeoutMs, allowedHosts, redirectsLeft: redirectsLeft - 1 }));
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        resolve({ ok: false, problem: 'httpStatus' });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          resolve({ ok: false, problem: 'tooLarge' });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => resolve({ ok: false, problem: 'unreachable' }));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve({ ok: false, problem: error instanceof NotAllowedError ? 'notAllowed' : 'unreachable' }));
  });
}

// Hosts an operator lets owners' URLs reach although they are not public (a price server on the LAN; tests).
export function allowedPrivateHosts(value = process.env.DAY_AHEAD_ALLOWED_HOSTS ?? ''): string[] {
  return value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}
