'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { PASSWORD_MIN } from '@/lib/password-limits';
import { changePasswordAction, updateNameAction } from './actions';

export function NameForm({ name }: { name: string }) {
  const t = useTranslations('ProfilePage');
  const [state, action] = useActionState(updateNameAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const value = state.status === 'error' ? state.values?.name : name;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('nameSaved')}</Alert>}
      <TextField label={t('name')} name="name" autoComplete="name" required maxLength={100} defaultValue={value} errors={errors?.name} />
      <SubmitButton label={t('saveName')} className="self-start" />
    </form>
  );
}

export function PasswordForm() {
  const t = useTranslations('ProfilePage');
  const tRegister = useTranslations('RegisterPage');
  const [state, action] = useActionState(changePasswordAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('passwordChanged')}</Alert>}
      <PasswordField label={t('currentPassword')} name="currentPassword" errors={errors?.currentPassword} errorValues={state.status === 'error' ? state.fieldErrorValues : undefined} />
      <PasswordField label={t('newPassword')} name="newPassword" hint={tRegister('passwordHint', { min: PASSWORD_MIN })} errors={errors?.newPassword} isNew />
      <SubmitButton label={t('changePassword')} className="self-start" />
    </form>
  );
}
