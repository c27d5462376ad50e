'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { clearTariffAction, setTariffAction } from '../actions';
import { CurrencySelect } from './currency-select';

export type CurrentTariff = { pricePerKwh: string; currency: string; validFrom: Date };

type TariffFormProps = {
  accountId: string;
  chargerId?: string;
  title: string;
  current: CurrentTariff | null;
  emptyLabel: string;
  defaultCurrency: string;
};

export function TariffForm({ accountId, chargerId, title, current, emptyLabel, defaultCurrency }: TariffFormProps) {
  const t = useTranslations('TariffPage');
  const format = useFormatter();
  const [state, action] = useActionState(setTariffAction, idle);
  const [clearState, clear] = useActionState(clearTariffAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const claim = (
    <>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="chargerId" value={chargerId ?? ''} />
    </>
  );
  return (
    <div className="flex flex-col gap-3" data-testid={chargerId ? `tariff-${chargerId}` : 'tariff-account'}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-medium text-slate-900">{title}</h3>
        <p className="text-sm text-slate-600">
          {current
            ? t('currentPrice', {
                price: format.number(Number(current.pricePerKwh), { style: 'currency', currency: current.currency, maximumFractionDigits: 4 }),
                date: format.dateTime(current.validFrom, { dateStyle: 'medium', timeStyle: 'short' }),
              })
            : emptyLabel}
        </p>
      </div>
      <form action={action} className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3 sm:grid-cols-[14rem_8rem_auto] sm:items-start" noValidate>
        {claim}
        <TextField
          label={t('price')}
          name="pricePerKwh"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values?.pricePerKwh ?? (current ? String(Number(current.pricePerKwh)) : '')}
          errors={errors?.pricePerKwh}
        />
        <CurrencySelect defaultValue={values?.currency ?? current?.currency ?? defaultCurrency} errors={errors?.currency} />
        <SubmitButton label={t('save')} className="col-span-2 justify-self-start sm:col-span-1 sm:mt-7" />
      </form>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      {current && (
        <form action={clear}>
          {claim}
          <FormAlert state={clearState} />
          <SubmitButton label={chargerId ? t('removeOverride') : t('removeTariff')} variant="ghost" className="-ml-4" />
        </form>
      )}
    </div>
  );
}
