import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { DEFAULT_SAMPLE_INTERVAL_SEC, isTaken, PROVISIONING_OUTCOMES, type ProvisioningOutcome } from '@/domain/chargers/provisioning';
import type { ChargerProvisioning } from '@/domain/data/chargers';
import { MeterSettingsForm } from './meter-settings-form';

type Target = { accountId: string; chargerId: string };

const outcomeOf = (outcome: string): ProvisioningOutcome | 'other' =>
  (PROVISIONING_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as ProvisioningOutcome) : 'other';

// What the platform asked of the charger's meter at its last boot or connection, what it answered, and what that
// means for the readings the owner sees.
export function MeterReadings({ target, provisioning }: { target: Target; provisioning: ChargerProvisioning }) {
  const t = useTranslations('ChargerMeter');
  const format = useFormatter();
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      {provisioning.provisionedAt === null ? (
        <p className="mt-3 text-sm text-slate-500">{t('notYet')}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3 text-sm" data-testid="meter-provisioning">
          <li className="text-xs text-slate-500">{t('when', { date: format.dateTime(provisioning.provisionedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</li>
          {provisioning.results.map((result) => (
            <li key={result.key} data-key={result.key} data-outcome={result.outcome}>
              <p className="font-medium">{t('key', { key: result.key })}</p>
              <p className="font-mono text-xs break-all text-slate-600">{t('values', { wanted: result.wanted, reported: result.reported ?? '—' })}</p>
              <p className={isTaken(outcomeOf(result.outcome) as ProvisioningOutcome) ? 'text-slate-700' : 'text-amber-800'}>
                {t('outcome', { outcome: outcomeOf(result.outcome) })} {t('meaning', { key: result.key, taken: isTaken(outcomeOf(result.outcome) as ProvisioningOutcome) ? 'yes' : 'no' })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <MeterSettingsForm
        target={target}
        defaultIntervalSec={DEFAULT_SAMPLE_INTERVAL_SEC}
        sampleIntervalSec={provisioning.sampleIntervalSec}
        measurands={provisioning.measurands}
      />
    </Card>
  );
}
