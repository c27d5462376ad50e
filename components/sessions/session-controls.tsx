import { useFormatter, useTranslations } from 'next-intl';
import { CloseSessionForm } from './close-session-form';
import { StopSessionForm } from './stop-session-form';

type SessionControlsProps = {
  transactionId: number;
  // Named on the stop button: a charger with two sessions has two of them.
  connectorId: number;
  // Set while the sweep holds the session as not confirmed by its charger (away too long).
  unconfirmedAt: Date | null;
  // When its charger went away; null while it is online (a flag the sweep has not cleared yet means nothing then).
  awaySince: Date | null;
  lastReadingWh: number;
  isLarge?: boolean;
};

// Stop for any running session; for one its charger no longer confirms, what that means and how to close it.
export function SessionControls({ transactionId, connectorId, unconfirmedAt, awaySince, lastReadingWh, isLarge = false }: SessionControlsProps) {
  const t = useTranslations('SessionControl');
  const format = useFormatter();
  if (!unconfirmedAt || !awaySince) return <StopSessionForm transactionId={transactionId} connectorId={connectorId} isLarge={isLarge} />;
  const kwh = format.number(lastReadingWh / 1000, { maximumFractionDigits: 2 });
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200" data-testid="session-unconfirmed">
      <p className="font-semibold">{t('unconfirmedTitle')}</p>
      <p>{t('unconfirmedBody', { time: format.dateTime(awaySince, { dateStyle: 'medium', timeStyle: 'short' }), kwh })}</p>
      <CloseSessionForm transactionId={transactionId} />
    </div>
  );
}
