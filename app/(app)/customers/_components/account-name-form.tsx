'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { renameAccountAction } from '../actions';

export function AccountNameForm({ accountId, name }: { accountId: string; name: string }) {
  const t = useTranslations('CustomersPage');
  const [state, action] = useActionState<ActionResult<string>, FormData>(renameAccountAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const shown = state.status === 'error' ? (state.values?.name ?? name) : state.status === 'ok' ? state.data : name;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('accountRenamed', { name: state.data })}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField label={t('accountName')} name="name" autoComplete="off" required maxLength={100} className="flex-1" defaultValue={shown} key={shown} errors={errors?.name} />
        <SubmitButton label={t('accountNameSave')} className="sm:mt-7" />
      </div>
    </form>
  );
}
