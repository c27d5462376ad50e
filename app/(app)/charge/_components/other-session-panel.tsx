import { useFormatter, useTranslations } from 'next-intl';
import { SessionControls } from '@/components/sessions/session-controls';
import { sessionEnergyWh } from '@/lib/charge/session-energy';
import { connectorArguments } from '@/components/chargers/use-connector-name';
import type { EvseLabel } from '@/domain/data/connectors';
import type { OtherSession } from '@/domain/data/session-control';

// Someone else's session (another member, a card with no user, a member since removed): any member may stop it.
export function OtherSessionPanel({ session, chargerAwaySince, evse }: { session: OtherSession; chargerAwaySince: Date | null; evse?: EvseLabel }) {
  const t = useTranslations('SessionControl');
  const format = useFormatter();
  const energyWh = sessionEnergyWh(session);
  const card = session.cardLabel || session.idTag;
  return (
    <section className="flex flex-col gap-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="other-session">
      <div>
        <h3 className="font-semibold text-slate-800">{t('otherTitle', connectorArguments(session.connectorId, evse))}</h3>
        <p className="text-sm text-slate-600">
          {t('startedBy', {
            who: session.userName ? t('byUser', { name: session.userName, card }) : t('byCard', { card }),
            time: format.dateTime(session.startedAt, { timeStyle: 'short' }),
            kwh: format.number(energyWh / 1000, { maximumFractionDigits: 2 }),
          })}
        </p>
      </div>
      <SessionControls transactionId={session.id} connectorId={session.connectorId} unconfirmedAt={session.unconfirmedAt} awaySince={chargerAwaySince} lastReadingWh={energyWh} />
    </section>
  );
}
