'use client';

import { useTranslations } from 'next-intl';
import { newRecoveryCodesAction } from '../actions';
import { PasswordConfirmForm } from './password-confirm-form';
import { RecoveryCodes } from './recovery-codes';

export function NewRecoveryCodes() {
  const t = useTranslations('SecurityPage');
  return (
    <PasswordConfirmForm
      action={newRecoveryCodesAction}
      passwordLabel={t('confirmPassword')}
      submitLabel={t('newRecoveryCodes')}
      done={(data) => <RecoveryCodes codes={data.codes} />}
    />
  );
}
