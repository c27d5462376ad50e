'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { IDENTITY_MAX } from '@/domain/chargers/identity';
import { addChargerAction, type NewChargerConnection } from '../actions';
import { ConnectionDetails } from './connection-details';

export function AddChargerForm({ accountId }: { accountId: string }) {
  const t = useTranslations('ChargerForm');
  const [state, action] = useActionState<ActionResult<NewChargerConnection>, FormData>(addChargerAction, idle);
  if (state.status === 'ok') return <ConnectionDetails connection={state.data} name={state.data.name} />;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="accountId" value={accountId} />
      <TextField label={t('identity')} name="identity" required maxLength={IDENTITY_MAX} autoComplete="off" spellCheck={false} hint={t('identityHint')} defaultValue={values?.identity} errors={errors?.identity} />
      <TextField label={t('name')} name="name" required maxLength={100} placeholder={t('namePlaceholder')} defaultValue={values?.name} errors={errors?.name} />
      <TextField label={t('connectorCount')} name="connectorCount" type="number" inputMode="numeric" min={1} max={16} hint={t('connectorCountHint')} defaultValue={values?.connectorCount ?? '1'} errors={errors?.connectorCount} className="max-w-48" />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t('locationTitle')}</legend>
        <TextField label={t('address')} name="address" maxLength={200} autoComplete="street-address" defaultValue={values?.address} errors={errors?.address} />
        <div className="grid grid-cols-2 gap-4">
          <TextField label={t('latitude')} name="latitude" inputMode="decimal" defaultValue={values?.latitude} errors={errors?.latitude} />
          <TextField label={t('longitude')} name="longitude" inputMode="decimal" defaultValue={values?.longitude} errors={errors?.longitude} />
        </div>
      </fieldset>
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} className="self-start" />
    </form>
  );
}
