'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { stopChargingAction } from '../actions';

export function StopForm({ transactionId }: { transactionId: number }) {
  const t = useTranslations('ChargePage');
  const [state, action] = useActionState(stopChargingAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="transactionId" value={transactionId} />
      {state.status === 'ok' && <Alert tone="info">{t('stopped')}</Alert>}
      <FormAlert state={state} />
      <SubmitButton label={t('stop')} pendingLabel={t('stopping')} variant="danger" className="w-full py-3 text-base" />
    </form>
  );
}
