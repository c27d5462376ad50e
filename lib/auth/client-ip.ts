import { log } from '@/lib/log';
import { PEER_ADDRESS_HEADER } from './peer-address';

// What a login is counted under when its client address cannot be told: the peer header is missing
// (a server that never called recordPeerAddress) or, behind n trusted proxies, X-Forwarded-For holds
// fewer than n entries (a request that went round the proxy). Such logins share one per-address
// limit (lib/accounts/login-limit.ts) rather than escaping it.
export const UNKNOWN_CLIENT = 'unknown';

let hasWarned = false;

function unknownClient(trustedProxyHops: number): string {
  if (!hasWarned) {
    hasWarned = true;
    log.warn(
      { trustedProxyHops },
      trustedProxyHops > 0
        ? 'login without the client address: X-Forwarded-For has fewer entries than TRUSTED_PROXY_HOPS; such logins share one per-address limit'
        : 'login without the client address: the server did not record the connection peer; such logins share one per-address limit',
    );
  }
  return UNKNOWN_CLIENT;
}

// The client's address for per-address login limits. Without a proxy (TRUSTED_PROXY_HOPS=0, the
// default) it is the TCP peer, and X-Forwarded-For, which the client writes itself, is ignored.
// Behind n proxies that each append the address they saw, the client is the entry the outermost
// proxy appended, the n-th from the right; whatever a client put in front of it is never read.
export function clientIp(headers: Headers, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  const hops = Number.isInteger(trustedProxyHops) && trustedProxyHops > 0 ? trustedProxyHops : 0;
  if (hops === 0) return peer ?? unknownClient(hops);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? unknownClient(hops);
}
