// A charge point identity becomes the last path segment of ws://host/ocpp/{identity}; these
// characters need no percent-encoding there (RFC 3986 unreserved, sub-delims, ':' and '@'). '.' and '..' alone
// are dot-segments that every URL parser removes (RFC 3986 §5.2.4), so no charger could connect with them.
export const IDENTITY_PATTERN = /^(?!\.\.?$)[A-Za-z0-9\-._~!$&'()*+,;=:@]{1,48}$/;
export const IDENTITY_MAX = 48;

export function normalizeIdentity(raw: string): string {
  return raw.trim();
}
