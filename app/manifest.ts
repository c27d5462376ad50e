import type { MetadataRoute } from 'next';

// Installable on a phone's home screen, opening straight on the Charge page.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Chargewatch',
    short_name: 'Chargewatch',
    description: 'Start and stop charging at your chargers, and see them live.',
    start_url: '/charge',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#047857',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
