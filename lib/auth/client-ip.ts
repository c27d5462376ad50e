import { PEER_ADDRESS_HEADER } from './peer-address';

// The client's address for per-address login limits. Without a proxy (TRUSTED_PROXY_HOPS=0, the
// default) it is the TCP peer, and X-Forwarded-For, which the client writes itself, is ignored.
// Behind n proxies that each append the address they saw, the client is the entry the outermost
// proxy appended, the n-th from the right; whatever a client put in front of it is never read.
export function clientIp(headers: Headers, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  const hops = Number.isInteger(trustedProxyHops) && trustedProxyHops > 0 ? trustedProxyHops : 0;
  if (hops === 0) return peer ?? 'unknown';
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? 'unknown';
}
