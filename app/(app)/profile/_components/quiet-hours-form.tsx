'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { saveQuietHoursAction } from '../quiet-hours-actions';

type Props = { start: string; end: string; zone: string };

export function QuietHoursForm({ start, end, zone }: Props) {
  const t = useTranslations('NotificationSettings');
  const [state, action] = useActionState(saveQuietHoursAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <h3 className="text-sm font-medium text-slate-900">{t('quietTitle')}</h3>
      <p className="text-sm text-slate-600">{t('quietBody', { zone })}</p>
      <div className="grid grid-cols-2 gap-3 sm:max-w-xs">
        <TextField label={t('quietStart')} name="start" type="time" defaultValue={values?.start ?? start} errors={errors?.start} />
        <TextField label={t('quietEnd')} name="end" type="time" defaultValue={values?.end ?? end} errors={errors?.end} />
      </div>
      <p className="text-sm text-slate-500">{t('quietHint')}</p>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('quietSaved')}</Alert>}
      <SubmitButton label={t('quietSave')} variant="secondary" className="self-start" />
    </form>
  );
}
