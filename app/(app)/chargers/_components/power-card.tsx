import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { PowerPanel } from '@/domain/data/power-settings';
import { reportedPeriods } from '@/domain/smart-charging/composite';
import { PowerForm } from './power-form';

type PowerCardProps = { target: { accountId: string; chargerId: string }; panel: PowerPanel; timeZone: string; circuit: { id: string; name: string; capacityA: number } | null };

// The owner's maximum and charging windows, the charger's last answer, and the schedule it reports (the truth).
export function PowerCard({ target, panel, timeZone, circuit }: PowerCardProps) {
  const t = useTranslations('ChargerPower');
  const format = useFormatter();
  const { settings, limits } = panel;
  const schedule = settings?.reportedSchedule ?? null;
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <p className="mt-3 text-sm" data-testid="charger-circuit">
        {circuit ? (
          <Link href={`/circuits/${circuit.id}`} className="font-medium text-brand-700 hover:underline">
            {t('inCircuit', { name: circuit.name, capacityA: circuit.capacityA })}
          </Link>
        ) : (
          <span className="text-slate-600">{t('noCircuit')}</span>
        )}
      </p>
      {limits && !limits.isSupported && (
        <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="power-unsupported">
          {t('unsupported')}
        </p>
      )}
      {settings && (
        <p className="mt-3 text-sm font-medium" data-testid="power-outcome" data-outcome={settings.sendOutcome ?? 'none'}>
          {t('outcome', { outcome: settings.sendOutcome ?? 'none' })}
        </p>
      )}
      {settings && (
        <div className="mt-3 text-sm">
          <h3 className="font-medium text-slate-700">{t('reported')}</h3>
          {schedule ? (
            <ul className="mt-1 flex flex-col gap-0.5 text-slate-700" data-testid="power-reported">
              {reportedPeriods(schedule, { phases: settings.phases, voltage: settings.voltage }).map(({ at, watts }) => {
                const when = format.dateTime(at, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
                return <li key={at.getTime()}>{watts > 0 ? t('periodLimit', { at: when, kw: format.number(watts / 1000, { maximumFractionDigits: 1 }) }) : t('periodPaused', { at: when })}</li>;
              })}
            </ul>
          ) : (
            <p className="mt-1 text-slate-500">{t('notReported')}</p>
          )}
        </div>
      )}
      <PowerForm target={target} settings={settings} timeZone={timeZone} />
    </Card>
  );
}
