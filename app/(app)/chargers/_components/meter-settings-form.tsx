'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { updateMeterSettingsAction } from '../[chargerId]/meter-actions';

type MeterSettingsFormProps = {
  target: { accountId: string; chargerId: string };
  defaultIntervalSec: number;
  sampleIntervalSec: number | null;
  measurands: string[] | null;
};

const OPTIONAL = [
  ['power', 'Power.Active.Import'],
  ['current', 'Current.Import'],
  ['soc', 'SoC'],
] as const;

export function MeterSettingsForm({ target, defaultIntervalSec, sampleIntervalSec, measurands }: MeterSettingsFormProps) {
  const t = useTranslations('ChargerMeter');
  const [state, action] = useActionState(updateMeterSettingsAction, idle);
  const errorsId = useId();
  const intervalErrors = state.status === 'error' ? state.fieldErrors?.sampleIntervalSec : undefined;
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 border-t border-slate-100 pt-4">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <label className="text-sm font-medium text-slate-700">
        {t('interval')}
        <input
          name="sampleIntervalSec"
          inputMode="numeric"
          defaultValue={sampleIntervalSec ?? ''}
          placeholder={t('intervalDefault', { seconds: defaultIntervalSec })}
          aria-invalid={intervalErrors?.length ? true : undefined}
          aria-describedby={errorsId}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <FieldErrors id={errorsId} errors={intervalErrors} />
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium text-slate-700">{t('measurands')}</legend>
        <label className="flex items-center gap-2 text-slate-500">
          <input type="checkbox" checked disabled readOnly /> {t('measurand', { measurand: 'energy' })}
        </label>
        {OPTIONAL.map(([name, measurand]) => (
          <label key={name} className="flex items-center gap-2">
            <input type="checkbox" name={name} defaultChecked={measurands === null || measurands.includes(measurand)} /> {t('measurand', { measurand: name })}
          </label>
        ))}
      </fieldset>
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      <FormAlert state={state} />
      <SubmitButton label={t('save')} variant="secondary" />
    </form>
  );
}
