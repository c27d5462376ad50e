'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { stopSessionAction } from '@/app/actions/sessions';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';

export function StopSessionForm({ transactionId, connectorId, isLarge = false }: { transactionId: number; connectorId: number; isLarge?: boolean }) {
  const t = useTranslations('SessionControl');
  const [state, action] = useActionState(stopSessionAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="transactionId" value={transactionId} />
      {state.status === 'ok' && <Alert tone="info">{t('stopped')}</Alert>}
      <FormAlert state={state} />
      <SubmitButton label={t('stop', { connector: connectorId })} pendingLabel={t('stopping')} variant="danger" className={isLarge ? 'w-full py-3 text-base' : undefined} />
    </form>
  );
}
