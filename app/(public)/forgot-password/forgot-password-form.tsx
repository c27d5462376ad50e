'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { forgotPasswordAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('ForgotPasswordPage');
  const [state, action] = useActionState(forgotPasswordAction, idle);
  if (state.status === 'ok') return <Alert tone="success">{t('sent')}</Alert>;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.status === 'error' ? state.values?.email : undefined}
        errors={errors?.email}
      />
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} className="w-full" />
    </form>
  );
}
