'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { SecondFactorCodeField } from '@/components/auth/second-factor-code-field';
import { idle } from '@/lib/action-result';
import { verifyCodeAction } from './actions';

export function VerifyCodeForm({ callbackUrl, hasAuthenticator }: { callbackUrl?: string; hasAuthenticator: boolean }) {
  const t = useTranslations('VerifyLoginPage');
  const [state, action] = useActionState(verifyCodeAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const errorValues = state.status === 'error' ? state.fieldErrorValues : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <SecondFactorCodeField
        label={hasAuthenticator ? t('code') : t('recoveryCode')}
        autoFocus
        hint={hasAuthenticator ? t('codeHint') : t('recoveryCodeHint')}
        errors={errors?.code}
        errorValues={errorValues}
      />
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} className="w-full" />
    </form>
  );
}
