import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` builds into its own folder, so it can run beside a platform started with `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['postgres', 'pino', 'pdfkit'],
  // On every response, static files included; the Content-Security-Policy is set per request in proxy.ts.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: '/:path*', headers }];
  },
};

export default withNextIntl(nextConfig);
