'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { saveCardAction } from '@/app/(app)/payments/card-actions';

// "Save a card": opens the provider's card setup page in this tab, which comes back to Payments.
export function SaveCardButton({ accountId, label }: { accountId: string; label: string }) {
  const t = useTranslations('PaymentsPage');
  const [state, action] = useActionState(saveCardAction, idle);
  const setupUrl = state.status === 'ok' ? state.data.setupUrl : null;
  useEffect(() => {
    if (setupUrl) window.location.assign(setupUrl);
  }, [setupUrl]);
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="accountId" value={accountId} />
      <FormAlert state={state} />
      {setupUrl ? (
        <p className="text-sm text-slate-600" role="status">
          {t('opening')}
        </p>
      ) : (
        <SubmitButton label={label} variant="secondary" />
      )}
    </form>
  );
}
