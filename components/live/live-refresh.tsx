'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const DEBOUNCE_MS = 150;

// Re-renders the page's server components when a charger of interest changes. EventSource
// reconnects by itself when the stream drops; a refresh after reconnecting catches up on what was missed.
export function LiveRefresh({ chargerId }: { chargerId?: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let hasOpened = false;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    source.addEventListener('charger', (message) => {
      const event = JSON.parse(message.data) as { chargerId: string };
      if (!chargerId || event.chargerId === chargerId) refresh();
    });
    source.addEventListener('open', () => {
      if (hasOpened) refresh();
      hasOpened = true;
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, chargerId]);
  return null;
}
