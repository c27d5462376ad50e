import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['postgres', 'pino'],
  // `npm test` typechecks the whole repository (web, OCPP server, scripts) before it builds;
  // checking again inside every build would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
