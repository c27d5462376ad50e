import { useFormatter, useTranslations } from 'next-intl';
import type { CircuitShare } from '@/domain/data/circuit-views';

// Each charger behind the fuse and each of its sessions' current now: what the platform last sent it.
export function CircuitShares({ shares, capacityA }: { shares: CircuitShare[]; capacityA: number }) {
  const t = useTranslations('CircuitShares');
  const format = useFormatter();
  const amps = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  if (shares.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="circuit-shares">
      {shares.map((charger) => (
        <li key={charger.chargerId} className="rounded-xl border border-slate-200 p-3" data-testid="circuit-charger" data-charger={charger.name}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">{charger.name}</span>
            <span className="text-xs text-slate-500">
              {t('wiring', { phases: charger.phases, maxA: amps(charger.maxA) })} · {charger.isOnline ? t('online') : t('offline')}
            </span>
          </div>
          {!charger.isSupported && (
            <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900" data-testid="circuit-uncontrolled">
              {t('uncontrolled', { maxA: amps(charger.maxA) })}
            </p>
          )}
          {charger.isSupported && !charger.isOnline && <p className="mt-2 text-sm text-slate-600">{t('lost', { shareA: amps(charger.defaultShareA ?? 0) })}</p>}
          {charger.sessions.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">{t('idle')}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {charger.sessions.map((session) => {
                const currentA = charger.isSupported ? (session.currentA ?? null) : charger.maxA;
                const width = currentA === null ? 0 : Math.min(100, (currentA / capacityA) * 100);
                return (
                  <li key={session.transactionId} data-testid="circuit-session" data-current={currentA ?? ''}>
                    <div className="flex justify-between gap-2">
                      <span>{t('session', { connectorId: session.connectorId })}</span>
                      <span className="font-medium">{currentA === null ? t('pending') : currentA === 0 ? t('waiting') : t('current', { amps: amps(currentA) })}</span>
                    </div>
                    <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden>
                      <div className="h-2 rounded-full bg-brand-500" style={{ width: `${width}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
