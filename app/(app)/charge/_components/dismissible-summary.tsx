'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useSyncExternalStore, type ReactNode } from 'react';

const storageKey = (sessionId: number) => `chargewatch:summary-dismissed:${sessionId}`;
const CHANGED = 'chargewatch:summary-dismissed';

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

// The last finished session's summary, until its user hides it; remembered in this browser only, since hiding a
// summary changes nothing anyone else sees. The server renders it shown, and the browser hides it when dismissed.
export function DismissibleSummary({ sessionId, connectorId, children }: { sessionId: number; connectorId: number; children: ReactNode }) {
  const t = useTranslations('ChargePage');
  const isDismissed = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(storageKey(sessionId)) !== null,
    () => false,
  );
  const dismiss = useCallback(() => {
    window.localStorage.setItem(storageKey(sessionId), new Date().toISOString());
    window.dispatchEvent(new Event(CHANGED));
  }, [sessionId]);
  if (isDismissed) return null;
  return (
    <div className="flex flex-col gap-1">
      {children}
      <button
        type="button"
        onClick={dismiss}
        aria-label={t('dismissSummaryLabel', { connector: connectorId })}
        className="self-end rounded-lg px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-200 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
        data-testid="dismiss-summary"
      >
        {t('dismissSummary')}
      </button>
    </div>
  );
}
