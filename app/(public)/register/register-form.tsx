'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { PASSWORD_MIN } from '@/lib/password-limits';
import { registerAction } from './actions';
import { registerFromInviteAction } from './invite-actions';

// invite: a sign-up invitation's link; its address is the one registered, shown but not editable.
export function RegisterForm({ invite }: { invite?: { token: string; email: string } }) {
  const t = useTranslations('RegisterPage');
  const [state, action] = useActionState(invite ? registerFromInviteAction : registerAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      {invite && <input type="hidden" name="invite" value={invite.token} />}
      <TextField label={t('name')} name="name" autoComplete="name" required maxLength={100} defaultValue={values?.name} errors={errors?.name} />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={invite?.email ?? values?.email}
        readOnly={Boolean(invite)}
        hint={invite ? t('inviteEmailHint') : undefined}
        errors={errors?.email}
      />
      <PasswordField label={t('password')} name="password" hint={t('passwordHint', { min: PASSWORD_MIN })} errors={errors?.password} isNew />
      <SubmitButton label={invite ? t('inviteSubmit') : t('submit')} pendingLabel={t('submitting')} className="w-full" />
    </form>
  );
}
