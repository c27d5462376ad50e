// The headers every response of the web app carries: the static ones from next.config.ts, the
// Content-Security-Policy (a fresh script nonce per request) and HSTS from proxy.ts.

type PolicyOptions = { nonce: string; isDev: boolean; isHttps: boolean };

// Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic').
// Next.js reads the nonce back from the request's policy and puts it on its own scripts.
// Styles: stylesheets from the app, <style> elements with the nonce, and style attributes
// (charts size themselves with them, and the mailbox shows e-mail HTML styled inline). A browser
// that knows only style-src falls back to its 'unsafe-inline'. React needs eval for its
// debugging aids in development only, and the dev server injects <style> elements without a nonce.
export function contentSecurityPolicy({ nonce, isDev, isHttps }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${isDev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (isHttps) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

// Set on every response by next.config.ts (fixed at build time, so nothing here depends on the deployment).
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

// Browsers ignore HSTS sent over plain HTTP, and a local platform must stay reachable over it:
// proxy.ts sends it only when the deployment's public URL is https.
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
