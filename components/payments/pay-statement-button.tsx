'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { payStatementAction } from '@/app/(app)/payments/actions';

type PayStatementButtonProps = { accountId: string; statementId: string; amount: string };

// "Pay" on a due statement: opens the provider's checkout page in this tab, and comes back to the app from there.
export function PayStatementButton({ accountId, statementId, amount }: PayStatementButtonProps) {
  const t = useTranslations('PaymentsPage');
  const [state, action] = useActionState(payStatementAction, idle);
  const checkoutUrl = state.status === 'ok' ? state.data.checkoutUrl : null;
  useEffect(() => {
    if (checkoutUrl) window.location.assign(checkoutUrl);
  }, [checkoutUrl]);
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="statementId" value={statementId} />
      <FormAlert state={state} />
      {checkoutUrl ? <p className="text-sm text-slate-600" role="status">{t('opening')}</p> : <SubmitButton label={t('pay', { amount })} />}
    </form>
  );
}
