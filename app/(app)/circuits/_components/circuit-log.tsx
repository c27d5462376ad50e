import { useFormatter, useTranslations } from 'next-intl';
import type { listCircuitChanges } from '@/domain/data/circuit-views';

type Change = Awaited<ReturnType<typeof listCircuitChanges>>[number];

// Every limit the circuit sent, newest first: to which charger, how much, why, and what the charger answered.
export function CircuitLog({ changes }: { changes: Change[] }) {
  const t = useTranslations('CircuitLog');
  const format = useFormatter();
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="circuit-log">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">{t('when')}</th>
            <th className="py-1 pr-3 font-medium">{t('limit')}</th>
            <th className="py-1 pr-3 font-medium">{t('reason')}</th>
            <th className="py-1 font-medium">{t('answer')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((change) => (
            <tr key={change.id} data-testid="circuit-change" data-reason={change.reason}>
              <td className="py-1.5 pr-3 whitespace-nowrap text-slate-600">{format.dateTime(change.createdAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' })}</td>
              <td className="py-1.5 pr-3">
                {t(change.transactionId === null ? 'defaultLimit' : 'sessionLimit', {
                  charger: change.chargerName ?? t('removedCharger'),
                  amps: format.number(change.currentA, { maximumFractionDigits: 1 }),
                })}
              </td>
              <td className="py-1.5 pr-3">{t('why', { reason: change.reason, charger: change.reasonChargerName ?? '' })}</td>
              <td className="py-1.5 text-slate-600">{t('status', { status: change.commandStatus ?? 'none' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
