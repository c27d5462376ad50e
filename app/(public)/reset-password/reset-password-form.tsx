'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { SecondFactorCodeField } from '@/components/auth/second-factor-code-field';
import { idle } from '@/lib/action-result';
import { PASSWORD_MIN } from '@/lib/password-limits';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ token, needsCode }: { token: string; needsCode: boolean }) {
  const t = useTranslations('ResetPasswordPage');
  const tRegister = useTranslations('RegisterPage');
  const [state, action] = useActionState(resetPasswordAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      {needsCode && (
        <SecondFactorCodeField
          label={t('code')}
          defaultValue={state.status === 'error' ? state.values?.code : undefined}
          hint={t('codeHint')}
          errors={errors?.code}
          errorValues={state.status === 'error' ? state.fieldErrorValues : undefined}
        />
      )}
      <PasswordField label={t('password')} name="password" hint={tRegister('passwordHint', { min: PASSWORD_MIN })} errors={errors?.password} isNew />
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} className="w-full" />
    </form>
  );
}
