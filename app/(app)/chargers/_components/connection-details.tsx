'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import type { NewChargerConnection } from '../actions';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

export function ConnectionDetails({ connection, name }: { connection: NewChargerConnection; name: string }) {
  const t = useTranslations('ChargerConnection');
  return (
    <div className="flex flex-col gap-5" data-testid="connection-details">
      <div>
        <h2 className="text-xl font-bold">{t('title', { name })}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      </div>
      <CopyField label={t('url')} value={connection.url} testId="connection-url" />
      <CopyField label={t('identity')} value={connection.identity} testId="connection-identity" />
      <CopyField label={t('password')} value={connection.password} testId="connection-password" />
      <Alert tone="info">{t('passwordOnce')}</Alert>
      <div>
        <h3 className="font-semibold">{t('stepsTitle')}</h3>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          {STEPS.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
      </div>
      <Link href={`/chargers/${connection.chargerId}`} className={buttonClasses('primary', 'self-start')}>
        {t('openCharger')}
      </Link>
    </div>
  );
}
