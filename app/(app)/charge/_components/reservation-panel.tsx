import { useFormatter, useTranslations } from 'next-intl';
import { connectorArguments } from '@/components/chargers/use-connector-name';
import type { EvseLabel } from '@/domain/data/connectors';
import type { OpenReservation } from '@/domain/data/reservations';
import { CancelReservationForm } from './cancel-reservation-form';

// A connector held for a member's card, shown to every member of the account; its Cancel only to whoever may.
export function ReservationPanel({ reservation, evse }: { reservation: OpenReservation; evse?: EvseLabel }) {
  const t = useTranslations('ChargePage');
  const format = useFormatter();
  const card = reservation.cardLabel || reservation.idTag;
  const time = format.dateTime(reservation.expiresAt, { timeStyle: 'short' });
  return (
    <section className="flex flex-col gap-3 rounded-xl bg-violet-50 p-4 ring-1 ring-violet-200" data-testid="reservation">
      <div>
        <h3 className="font-semibold text-violet-950">{t('reservationTitle', connectorArguments(reservation.connectorId, evse))}</h3>
        <p className="text-sm text-violet-900">
          {reservation.isMine ? t('reservationForYou', { card, time }) : t('reservationFor', { name: reservation.userName ?? card, card, time })}
        </p>
        {reservation.status === 'pending' && <p className="text-sm text-violet-800">{t('reservationPending')}</p>}
      </div>
      {reservation.canCancel && <CancelReservationForm reservationId={reservation.id} />}
    </section>
  );
}
