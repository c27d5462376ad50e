'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { refundStatementAction } from '@/app/(app)/payments/actions';

type RefundStatementFormProps = { accountId: string; statementId: string; left: string; currency: string };

// Refund on a statement paid online, for owners and co-owners: all that is left of the payment, or the part typed. It
// asks first, naming the amount, as the money leaves at once.
export function RefundStatementForm({ accountId, statementId, left, currency }: RefundStatementFormProps) {
  const t = useTranslations('PaymentsPage');
  const format = useFormatter();
  const [state, action] = useActionState(refundStatementAction, idle);
  const money = (amount: string) => format.number(Number(amount.replace(',', '.')), { style: 'currency', currency });
  const errors = state.status === 'error' ? state.fieldErrors?.amount : undefined;
  return (
    <form
      action={action}
      onSubmit={(event) => {
        const typed = new FormData(event.currentTarget).get('amount');
        const amount = typeof typed === 'string' && typed.trim() !== '' ? typed.trim() : left;
        if (!window.confirm(t('refundConfirm', { amount: Number.isFinite(Number(amount.replace(',', '.'))) ? money(amount) : amount }))) event.preventDefault();
      }}
      className="flex flex-col gap-2 sm:w-56"
    >
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="statementId" value={statementId} />
      {state.status === 'ok' && <Alert tone="success">{t('refunded')}</Alert>}
      <FormAlert state={state} />
      <TextField
        key={left}
        label={t('refundAmount')}
        name="amount"
        inputMode="decimal"
        defaultValue={state.status === 'error' ? (state.values?.amount ?? left) : left}
        hint={t('refundLeft', { amount: money(left) })}
        errors={errors}
        errorValues={state.status === 'error' ? state.fieldErrorValues : undefined}
      />
      <SubmitButton label={t('refund')} variant="secondary" className="px-3 py-1.5" />
    </form>
  );
}
