import { getFormatter, getTranslations } from 'next-intl/server';
import { formatKwh, formatMoney } from '@/components/sessions/session-view';
import type { SessionTotals } from '@/domain/data/sessions';

export async function SessionTotalsBar({ totals }: { totals: SessionTotals }) {
  const [t, tFacts, format] = await Promise.all([getTranslations('SessionsPage'), getTranslations('SessionFacts'), getFormatter()]);
  return (
    <section aria-label={t('totalsTitle')} className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="session-totals">
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t('totalSessions')}</p>
        <p className="mt-1 text-xl font-bold tabular-nums">{format.number(totals.count)}</p>
      </div>
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t('totalEnergy')}</p>
        <p className="mt-1 text-xl font-bold tabular-nums">{formatKwh(format, tFacts, totals.energyWh)}</p>
      </div>
      <div className="col-span-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:col-span-1">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t('totalCost')}</p>
        {totals.costs.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t('noCosts')}</p>
        ) : (
          totals.costs.map((cost) => (
            <p key={cost.currency} className="mt-1 text-xl font-bold tabular-nums">
              {formatMoney(format, cost.amount, cost.currency)}
            </p>
          ))
        )}
      </div>
    </section>
  );
}
