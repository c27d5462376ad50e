'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { setReimbursementEmailAction } from '../actions';

export function ReimbursementForm({ accountId, current }: { accountId: string; current: string | null }) {
  const t = useTranslations('StatementsPage');
  const [state, action] = useActionState(setReimbursementEmailAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
      <h2 className="font-semibold">{t('reimbursementTitle')}</h2>
      <input type="hidden" name="accountId" value={accountId} />
      <TextField
        label={t('reimbursementEmail')}
        name="reimbursementEmail"
        type="email"
        autoComplete="off"
        defaultValue={values?.reimbursementEmail ?? current ?? ''}
        errors={errors?.reimbursementEmail}
        hint={t('reimbursementHelp')}
      />
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      <SubmitButton label={t('save')} className="self-start" />
    </form>
  );
}
