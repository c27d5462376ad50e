import { useFormatter, useTranslations } from 'next-intl';
import { SessionControls } from '@/components/sessions/session-controls';
import { Card } from '@/components/ui/card';
import { sessionEnergyWh } from '@/lib/charge/session-energy';
import type { listRecentSessions } from '@/domain/data/charger-activity';
import { ReadyByPanel } from '@/components/ready-by/ready-by-panel';
import type { CarChoice } from '@/domain/data/cars';
import type { ChargingPlan } from '@/domain/ready-by/plan';

type Session = Awaited<ReturnType<typeof listRecentSessions>>[number];

function energyWh(session: Session): number | null {
  return session.energyWh === null && session.lastMeterWh === null ? null : sessionEnergyWh(session);
}

// What a running session's "ready by" needs; null on a charger behind a circuit, which takes no plan.
type ReadyBy = { plans: Map<number, ChargingPlan>; cars: CarChoice[] };

// The running sessions come first, each with its Stop (any member may stop any session on the account's chargers)
// or, when the charger has been away too long, what that means and how to close it.

export function RecentSessions({ sessions, awaySince, readyBy }: { sessions: Session[]; awaySince: Date | null; readyBy: ReadyBy | null }) {
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
                {readyBy && <ReadyByPanel transactionId={session.id} plan={readyBy.plans.get(session.id) ?? null} cars={readyBy.cars} />}
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
          // A table from sm up; on a phone each row stacks into a small block (when, energy; connector, card; how it
          // ended), so nothing is cut off at the right edge.
          <div className="-mx-6 mt-3 sm:overflow-x-auto">
            <table className="block w-full text-left text-sm sm:table sm:min-w-[32rem]">
              <thead className="hidden text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
                <tr>
                  <th className="px-6 py-2 font-medium">{t('sessionStarted')}</th>
                  <th className="px-2 py-2 font-medium">{t('sessionConnector')}</th>
                  <th className="px-2 py-2 font-medium">{t('sessionCard')}</th>
                  <th className="px-2 py-2 text-right font-medium">{t('sessionEnergy')}</th>
                  <th className="px-6 py-2 font-medium">{t('sessionStopReason')}</th>
                </tr>
              </thead>
              <tbody className="block divide-y divide-slate-100 sm:table-row-group">
                {sessions.map((session) => (
                  <tr key={session.id} className="grid grid-cols-2 gap-x-4 gap-y-0.5 px-6 py-3 sm:table-row sm:p-0">
                    <td className="order-1 font-medium whitespace-nowrap sm:px-6 sm:py-2 sm:font-normal">{format.dateTime(session.startedAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
                    <td className="order-3 text-slate-600 sm:px-2 sm:py-2 sm:text-inherit">
                      <span className="sm:hidden">{t('sessionConnector')} </span>
                      {session.connectorId}
                    </td>
                    <td className="order-4 truncate text-right font-mono text-xs leading-5 sm:px-2 sm:py-2 sm:text-left">{session.idTag}</td>
                    <td className="order-2 text-right tabular-nums sm:px-2 sm:py-2">{kwh(energyWh(session))}</td>
                    <td className="order-5 col-span-2 text-slate-600 sm:px-6 sm:py-2">{session.stoppedAt ? tFacts('stopReason', { reason: session.stopReason ?? 'Local' }) : t('inProgress')}</td>
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
