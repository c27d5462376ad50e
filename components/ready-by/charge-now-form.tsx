'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { chargeNowAction } from '@/app/actions/ready-by';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';

export function ChargeNowForm({ transactionId }: { transactionId: number }) {
  const t = useTranslations('ReadyBy');
  const [state, action] = useActionState(chargeNowAction, idle);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="transactionId" value={transactionId} />
      <FormAlert state={state} />
      <SubmitButton label={t('chargeNow')} pendingLabel={t('chargingNow')} variant="secondary" />
    </form>
  );
}
