import { useFormatter, useTranslations } from 'next-intl';
import type { GuestLimits } from '@/domain/people/roles';
import type { ChargerChoice } from './grant-fields';

// A guest's bounds in one line: until when, how much energy, which chargers.
export function GuestLimitsLine({ limits, chargers }: { limits: GuestLimits; chargers: ChargerChoice[] }) {
  const t = useTranslations('CustomersPage');
  const format = useFormatter();
  const names = limits.chargerIds ? chargers.filter((charger) => limits.chargerIds?.includes(charger.id)).map((charger) => charger.name) : null;
  return (
    <p className="mt-1 text-sm text-slate-600" data-testid="guest-limits">
      {limits.accessEndsAt && t('guestUntil', { date: format.dateTime(limits.accessEndsAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      {limits.energyCapWh !== null && ` · ${t('guestCap', { kwh: format.number(limits.energyCapWh / 1000, { maximumFractionDigits: 1 }) })}`}
      {names && ` · ${t('guestOnly', { chargers: format.list(names) })}`}
    </p>
  );
}
