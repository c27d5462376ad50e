import Link from 'next/link';
import { getFormatter, getTimeZone, getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { countSessionsThisMonth, listActiveSessions, listDailyEnergy } from '@/domain/data/session-stats';
import { DailyEnergyChart } from './daily-energy-chart';
import { db } from '@/lib/db';

export async function DashboardSessions({ accountId }: { accountId: string }) {
  const scope = { accountId, timeZone: await getTimeZone() };
  const [t, format, active, days, month] = await Promise.all([
    getTranslations('DashboardPage'),
    getFormatter(),
    listActiveSessions(db(), scope),
    listDailyEnergy(db(), scope),
    countSessionsThisMonth(db(), scope),
  ]);
  const kwh = (wh: number | null) => format.number((wh ?? 0) / 1000, { maximumFractionDigits: 2 });
  return (
    <>
      <Card>
        <h2 className="font-semibold text-slate-900">{t('activeTitle')}</h2>
        {active.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t('activeNone')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="dashboard-active-sessions">
            {active.map((session) => (
              <li key={session.id} className="py-2.5">
                <Link href={`/sessions/${session.id}`} className="font-medium text-brand-700 hover:underline">
                  {t('activeLine', { charger: session.chargerName, connector: session.connectorId })}
                </Link>
                <p className="text-sm text-slate-600 tabular-nums">
                  {t(session.userName ? 'activeSinceUser' : 'activeSince', {
                    user: session.userName ?? '',
                    time: format.dateTime(session.startedAt, { timeStyle: 'short' }),
                    kwh: kwh(session.energyWh),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="font-semibold text-slate-900">{t('monthTitle')}</h2>
        <p className="mt-3 text-2xl font-bold tabular-nums" data-testid="sessions-this-month">
          {t('monthSessions', { count: month.count })}
        </p>
        <p className="mt-1 text-sm text-slate-600">{t('monthEnergy', { kwh: kwh(month.energyWh) })}</p>
        <Link href="/sessions" className={buttonClasses('secondary', 'mt-5')}>
          {t('openSessions')}
        </Link>
      </Card>
      <Card className="md:col-span-2">
        <h2 className="mb-4 font-semibold text-slate-900">{t('energyTitle')}</h2>
        <DailyEnergyChart days={days} />
      </Card>
    </>
  );
}
