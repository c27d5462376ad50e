import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { ChargerDetail } from '@/domain/data/chargers';

export function BootInfo({ charger }: { charger: ChargerDetail }) {
  const t = useTranslations('ChargerDetail');
  const format = useFormatter();
  const rows = [
    ['vendor', charger.vendor],
    ['model', charger.model],
    ['serial', charger.serialNumber],
    ['firmware', charger.firmwareVersion],
    ['ocppVersion', charger.ocppVersion],
    ['lastBoot', charger.lastBootAt && format.dateTime(charger.lastBootAt, { dateStyle: 'medium', timeStyle: 'short' })],
  ] as const;
  return (
    <Card>
      <h2 className="font-semibold">{t('bootTitle')}</h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="boot-info">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{t(label)}</dt>
            <dd className={value ? 'font-medium text-slate-900' : 'text-slate-500'}>{value || t('unknown')}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
