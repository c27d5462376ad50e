import { log } from '@/lib/log';
import { isLoopback, PEER_ADDRESS_HEADER } from './peer-address';

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

const proxyHops = (configured: number) => (Number.isInteger(configured) && configured > 0 ? configured : 0);
const configuredHops = () => Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

// Behind n proxies that each append the address they saw, the client is the entry the outermost
// proxy appended, the n-th from the right; whatever a client put in front of it is never read.
function forwardedClient(headers: Headers, hops: number): string | null {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? null;
}

// The client's address for per-address login limits. Without a proxy (TRUSTED_PROXY_HOPS=0, the
// default) it is the TCP peer, and X-Forwarded-For, which the client writes itself, is ignored.
export function clientIp(headers: Headers, trustedProxyHops = configuredHops()): string {
  const hops = proxyHops(trustedProxyHops);
  const address = hops === 0 ? headers.get(PEER_ADDRESS_HEADER) : forwardedClient(headers, hops);
  return address ?? unknownClient(hops);
}

// Whether a request comes from this machine: its TCP peer is loopback and, behind trusted proxies (which all
// connect from loopback when they run here), so is the client the outermost one names. Unknown is not local.
export function isLocalClient(headers: Headers, trustedProxyHops = configuredHops()): boolean {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer || !isLoopback(peer)) return false;
  const hops = proxyHops(trustedProxyHops);
  if (hops === 0) return true;
  const client = forwardedClient(headers, hops);
  return client !== null && isLoopback(client);
}
