import { useFormatter, useNow, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { CopyField } from '@/components/ui/copy-field';
import type { ListedConnectionRefusal } from '@/domain/data/connection-refusals';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

function Refusal({ refusal }: { refusal: ListedConnectionRefusal }) {
  const t = useTranslations('ConnectionHelp');
  const format = useFormatter();
  const now = useNow();
  return (
    <li className="flex flex-col gap-1 py-3" data-testid="connection-refusal">
      <p className="font-medium text-slate-900">{t(`reasons.${refusal.reason}.title`)}</p>
      <p className="text-sm text-slate-700">{t(`reasons.${refusal.reason}.fix`, { detail: refusal.detail || 'none' })}</p>
      <p className="text-xs text-slate-600">
        {t('seen', { count: refusal.count, ago: format.relativeTime(refusal.lastAt, now), address: refusal.remoteAddress ?? '?' })}
      </p>
    </li>
  );
}

// For a charger that is not online: where it must connect to, what to set in it, and why the server turned its
// last attempts away, if it did. Refusals also show while it is online (someone else trying its password).
export function ConnectionHelp({ identity, url, isOnline, refusals }: { identity: string; url: string; isOnline: boolean; refusals: ListedConnectionRefusal[] }) {
  const t = useTranslations('ConnectionHelp');
  const tConnection = useTranslations('ChargerConnection');
  if (isOnline && refusals.length === 0) return null;
  return (
    <Card>
      <h2 className="font-semibold">{isOnline ? t('refusedTitle') : t('title')}</h2>
      {refusals.length > 0 ? (
        <ul className="mt-2 divide-y divide-slate-100" aria-label={t('refusedTitle')}>
          {refusals.map((refusal) => (
            <Refusal key={refusal.reason} refusal={refusal} />
          ))}
        </ul>
      ) : (
        !isOnline && <p className="mt-1 text-sm text-slate-600">{t('noAttempts')}</p>
      )}
      {!isOnline && (
        <div className="mt-4 flex flex-col gap-4">
          <CopyField label={tConnection('url')} value={url} testId="charger-connection-url" />
          <CopyField label={tConnection('identity')} value={identity} testId="charger-connection-identity" />
          <div>
            <h3 className="text-sm font-semibold">{tConnection('stepsTitle')}</h3>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
              {STEPS.map((step) => (
                <li key={step}>{tConnection(step)}</li>
              ))}
              <li>{t('passwordStep')}</li>
            </ol>
          </div>
        </div>
      )}
    </Card>
  );
}
