'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { loginAction, resendActivationAction } from './actions';

function ResendActivation({ email }: { email: string }) {
  const t = useTranslations('LoginPage');
  const [state, action] = useActionState(resendActivationAction, idle);
  if (state.status === 'ok') return <Alert tone="success">{t('resent')}</Alert>;
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <input type="hidden" name="email" value={email} />
      <SubmitButton label={t('resend')} variant="secondary" className="w-full" />
    </form>
  );
}

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('LoginPage');
  const [state, action] = useActionState(loginAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const needsActivation = state.status === 'error' && state.formError === 'notActivated';
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-5" noValidate>
        <FormAlert state={state} />
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <TextField label={t('email')} name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={values?.email} errors={errors?.email} />
        <PasswordField label={t('password')} name="password" errors={errors?.password} />
        <div className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            {t('forgot')}
          </Link>
        </div>
        <SubmitButton label={t('submit')} pendingLabel={t('submitting')} className="w-full" />
      </form>
      {needsActivation && values?.email && <ResendActivation email={values.email} />}
    </div>
  );
}
