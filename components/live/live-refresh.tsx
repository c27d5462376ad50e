'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const DEBOUNCE_MS = 150;

// Re-renders the page's server components when a charger of interest changes. EventSource
// reconnects by itself when the stream drops. The server says `ready` once it listens, and the page
// refreshes then too: events between its render and that moment, or during a drop, are not missed.
export function LiveRefresh({ chargerId }: { chargerId?: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    source.addEventListener('charger', (message) => {
      const event = JSON.parse(message.data) as { chargerId: string };
      if (!chargerId || event.chargerId === chargerId) refresh();
    });
    source.addEventListener('ready', refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, chargerId]);
  return null;
}
