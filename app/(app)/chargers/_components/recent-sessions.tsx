import { useFormatter, useTranslations } from 'next-intl';
import { SessionControls } from '@/components/sessions/session-controls';
import { Card } from '@/components/ui/card';
import { sessionEnergyWh } from '@/lib/charge/session-energy';
import type { listRecentSessions } from '@/domain/data/charger-activity';

type Session = Awaited<ReturnType<typeof listRecentSessions>>[number];

function energyWh(session: Session): number | null {
  return session.energyWh === null && session.lastMeterWh === null ? null : sessionEnergyWh(session);
}

// The running sessions come first, each with its Stop (any member may stop any session on the account's chargers)
// or, when the charger has been away too long, what that means and how to close it.
export function RecentSessions({ sessions, awaySince }: { sessions: Session[]; awaySince: Date | null }) {
  const t = useTranslations('ChargerDetail');
  const tFacts = useTranslations('SessionFacts');
  const format = useFormatter();
  const kwh = (wh: number | null) => (wh === null ? '—' : t('kwh', { kwh: format.number(wh / 1000, { maximumFractionDigits: 2 }) }));
  const active = sessions.filter((session) => !session.stoppedAt);
  return (
    <>
      {active.length > 0 && (
        <Card className="ring-blue-200">
          <h2 className="font-semibold text-blue-900">{t('activeTitle')}</h2>
          <ul className="mt-3 space-y-4 text-sm" data-testid="active-sessions">
            {active.map((session) => (
              <li key={session.id} className="flex flex-col gap-2" data-testid="active-session">
                <span>
                  {t('activeSession', {
                    connector: session.connectorId,
                    idTag: session.cardLabel || session.idTag,
                    hasUser: session.userName ? 'yes' : 'no',
                    user: session.userName ?? '',
                    time: format.dateTime(session.startedAt, { timeStyle: 'short' }),
                    kwh: format.number((energyWh(session) ?? 0) / 1000, { maximumFractionDigits: 2 }),
                  })}
                </span>
                <SessionControls transactionId={session.id} connectorId={session.connectorId} unconfirmedAt={session.unconfirmedAt} awaySince={awaySince} lastReadingWh={energyWh(session) ?? 0} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <h2 className="font-semibold">{t('sessionsTitle')}</h2>
        {sessions.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">{t('noSessions')}</p>
        ) : (
          <div className="-mx-6 mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t('sessionsTitle')}>
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-6 py-2 font-medium">{t('sessionStarted')}</th>
                  <th className="px-2 py-2 font-medium">{t('sessionConnector')}</th>
                  <th className="px-2 py-2 font-medium">{t('sessionCard')}</th>
                  <th className="px-2 py-2 text-right font-medium">{t('sessionEnergy')}</th>
                  <th className="px-6 py-2 font-medium">{t('sessionStopReason')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="px-6 py-2 whitespace-nowrap">{format.dateTime(session.startedAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                    <td className="px-2 py-2">{session.connectorId}</td>
                    <td className="px-2 py-2 font-mono text-xs">{session.idTag}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{kwh(energyWh(session))}</td>
                    <td className="px-6 py-2 text-slate-600">{session.stoppedAt ? tFacts('stopReason', { reason: session.stopReason ?? 'Local' }) : t('inProgress')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
