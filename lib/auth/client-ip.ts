// X-Forwarded-For is "client, proxy1, proxy2…": every hop appends the address it saw, and the
// leftmost entries are whatever the client chose to send. Counting from the right past the
// configured number of trusted proxies gives an address the client cannot forge.
export function clientIp(headers: Headers, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[hops.length - 1 - trustedProxyHops] ?? headers.get('x-real-ip') ?? 'unknown';
}
