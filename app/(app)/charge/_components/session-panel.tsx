import { useFormatter, useTranslations } from 'next-intl';
import { sessionEnergyWh } from '@/lib/charge/session-energy';
import type { MySession } from '@/domain/data/my-sessions';
import { SessionControls } from '@/components/sessions/session-controls';
import { ReadyByPanel } from '@/components/ready-by/ready-by-panel';
import type { CarChoice } from '@/domain/data/cars';
import type { ChargingPlan } from '@/domain/ready-by/plan';
import { connectorArguments } from '@/components/chargers/use-connector-name';
import type { EvseLabel } from '@/domain/data/connectors';
import { Elapsed } from './elapsed';

type SessionPanelProps = {
  session: MySession;
  cost: { amount: number; currency: string } | null;
  chargerAwaySince: Date | null;
  readyBy?: { plan: ChargingPlan | null; cars: CarChoice[] };
  // Its connector's EVSE, where that EVSE has another connector.
  evse?: EvseLabel;
};

export function SessionPanel({ session, cost, chargerAwaySince, readyBy, evse }: SessionPanelProps) {
  const t = useTranslations('ChargePage');
  const format = useFormatter();
  const isRunning = !session.stoppedAt;
  const figures = [
    ['energy', t('kwh', { value: format.number(sessionEnergyWh(session) / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }), 'session-energy'],
    ...(isRunning ? [['power', t('kw', { value: format.number((session.powerW ?? 0) / 1000, { maximumFractionDigits: 1 }) }), 'session-power'] as const] : []),
    ['duration', <Elapsed key="d" startedAt={session.startedAt.toISOString()} stoppedAt={session.stoppedAt?.toISOString() ?? null} />, 'session-duration'],
    ...(cost ? [[isRunning ? 'cost' : 'finalCost', format.number(cost.amount, { style: 'currency', currency: cost.currency }), 'session-cost'] as const] : []),
  ] as const;
  return (
    <section
      className={`rounded-xl p-4 ${isRunning ? 'bg-blue-50 ring-1 ring-blue-200' : 'bg-slate-50 ring-1 ring-slate-200'}`}
      data-testid={isRunning ? 'running-session' : 'finished-session'}
    >
      <h3 className={`font-semibold ${isRunning ? 'text-blue-900' : 'text-slate-800'}`}>
        {t(isRunning ? 'chargingTitle' : 'finishedTitle', connectorArguments(session.connectorId, evse))}
      </h3>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        {figures.map(([label, value, testId]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{t(label)}</dt>
            <dd className="text-xl font-bold tabular-nums text-slate-900" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {isRunning && (
        <div className="mt-4">
          <SessionControls
            transactionId={session.id}
            connectorId={session.connectorId}
            unconfirmedAt={session.unconfirmedAt}
            awaySince={chargerAwaySince}
            lastReadingWh={sessionEnergyWh(session)}
            isLarge
          />
        </div>
      )}
      {isRunning && readyBy && (
        <div className="mt-4">
          <ReadyByPanel transactionId={session.id} plan={readyBy.plan} cars={readyBy.cars} />
        </div>
      )}
    </section>
  );
}
