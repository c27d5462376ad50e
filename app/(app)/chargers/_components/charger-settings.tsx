'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { CopyField } from '@/components/ui/copy-field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { editChargerAction, regeneratePasswordAction, removeChargerAction } from '../actions';
import { SendNewPasswordForm } from './send-new-password-form';

type Charger = {
  accountId: string;
  id: string;
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  connectorCount: number;
};

function Claim({ charger }: { charger: Charger }) {
  return (
    <>
      <input type="hidden" name="accountId" value={charger.accountId} />
      <input type="hidden" name="chargerId" value={charger.id} />
    </>
  );
}

const confirmWith = (message: string) => (event: FormEvent) => {
  if (!window.confirm(message)) event.preventDefault();
};

export function EditChargerForm({ charger }: { charger: Charger }) {
  const t = useTranslations('ChargerDetail');
  const tForm = useTranslations('ChargerForm');
  const [state, action] = useActionState(editChargerAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const initial = (value: string | number | null) => (value === null ? '' : String(value));
  return (
    <Card>
      <h2 className="font-semibold">{t('editTitle')}</h2>
      <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
        <Claim charger={charger} />
        <FormAlert state={state} />
        {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
        <TextField label={tForm('name')} name="name" required maxLength={100} defaultValue={values?.name ?? charger.name} errors={errors?.name} />
        <TextField label={tForm('address')} name="address" maxLength={200} defaultValue={values?.address ?? initial(charger.address)} errors={errors?.address} />
        <div className="grid grid-cols-2 gap-4">
          <TextField label={tForm('latitude')} name="latitude" inputMode="decimal" defaultValue={values?.latitude ?? initial(charger.latitude)} errors={errors?.latitude} />
          <TextField label={tForm('longitude')} name="longitude" inputMode="decimal" defaultValue={values?.longitude ?? initial(charger.longitude)} errors={errors?.longitude} />
        </div>
        <TextField label={tForm('connectorCount')} name="connectorCount" type="number" min={1} max={16} defaultValue={values?.connectorCount ?? String(charger.connectorCount)} errors={errors?.connectorCount} />
        <SubmitButton label={t('save')} className="self-start" />
      </form>
    </Card>
  );
}

export function ChargerPasswordCard({ charger }: { charger: Charger & { hasNextPassword: boolean } }) {
  const t = useTranslations('ChargerDetail');
  const [state, action] = useActionState<ActionResult<string>, FormData>(regeneratePasswordAction, idle);
  return (
    <Card>
      <h2 className="font-semibold">{t('passwordTitle')}</h2>
      <SendNewPasswordForm charger={charger} />
      <h3 className="mt-6 text-sm font-semibold">{t('byHandTitle')}</h3>
      <p className="mt-1 text-sm text-slate-600">{t('passwordBody')}</p>
      <form action={action} onSubmit={confirmWith(t('regenerateConfirm'))} className="mt-4 flex flex-col gap-3">
        <Claim charger={charger} />
        <FormAlert state={state} />
        {state.status === 'ok' && <CopyField label={t('newPassword')} value={state.data} testId="new-password" />}
        <SubmitButton label={t('regenerate')} variant="secondary" className="self-start" />
      </form>
    </Card>
  );
}

export function RemoveChargerCard({ charger }: { charger: Charger }) {
  const t = useTranslations('ChargerDetail');
  const [state, action] = useActionState(removeChargerAction, idle);
  return (
    <Card className="ring-red-200">
      <h2 className="font-semibold text-red-800">{t('removeTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('removeBody')}</p>
      <form action={action} onSubmit={confirmWith(t('removeConfirm', { name: charger.name }))} className="mt-4 flex flex-col gap-3">
        <Claim charger={charger} />
        <FormAlert state={state} />
        <SubmitButton label={t('remove')} variant="danger" className="self-start" />
      </form>
    </Card>
  );
}
