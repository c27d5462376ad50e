'use client';

import { useEffect, useState } from 'react';

function format(ms: number) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

// Ticks every second while running; a finished session shows its fixed length.
export function Elapsed({ startedAt, stoppedAt }: { startedAt: string; stoppedAt: string | null }) {
  const [now, setNow] = useState(() => Date.parse(stoppedAt ?? startedAt));
  useEffect(() => {
    if (stoppedAt) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [stoppedAt]);
  return <span suppressHydrationWarning>{format((stoppedAt ? Date.parse(stoppedAt) : now) - Date.parse(startedAt))}</span>;
}
