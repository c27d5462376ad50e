'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { CopyField } from '@/components/ui/copy-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { createApiTokenAction } from '../actions';

export function TokenForm({ accountId }: { accountId: string }) {
  const t = useTranslations('MeterFeedPage');
  const [state, action] = useActionState<ActionResult<{ token: string }>, FormData>(createApiTokenAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <input type="hidden" name="accountId" value={accountId} />
        <div className="sm:w-72">
          <TextField label={t('tokenName')} name="name" placeholder={t('tokenNamePlaceholder')} autoComplete="off" defaultValue={values?.name ?? ''} errors={errors?.name} />
        </div>
        <SubmitButton label={t('createToken')} className="self-start sm:mt-7" />
      </form>
      <FormAlert state={state} />
      {state.status === 'ok' && (
        <Alert tone="success">
          <div className="flex flex-col gap-3">
            <p>{t('newTokenBody')}</p>
            <CopyField label={t('newTokenTitle')} value={state.data.token} testId="new-feed-token" />
          </div>
        </Alert>
      )}
    </div>
  );
}
