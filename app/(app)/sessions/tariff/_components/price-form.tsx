'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { ValidationKey } from '@/lib/action-result';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import type { CurrentPrice } from '@/domain/data/tariffs';
import { clearTariffAction, setPriceAction } from '../actions';
import { CurrencySelect } from './currency-select';
import { PeriodsEditor } from './periods-editor';

type PriceFormProps = {
  accountId: string;
  chargerId?: string;
  title: string;
  current: CurrentPrice | null;
  emptyLabel: string;
  defaultCurrency: string;
};

const KIND_LABELS = { fixed: 'kindFixed', timeOfUse: 'kindTimeOfUse', dayAhead: 'kindDayAhead' } as const;

export function PriceForm({ accountId, chargerId, title, current, emptyLabel, defaultCurrency }: PriceFormProps) {
  const t = useTranslations('TariffPage');
  const format = useFormatter();
  const [state, action] = useActionState(setPriceAction, idle);
  const [clearState, clear] = useActionState(clearTariffAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  // What the fields start from: what was sent after a refusal, what is saved otherwise.
  const fieldsKey = state.status === 'error' ? JSON.stringify(values ?? {}) : String(current?.validFrom.getTime() ?? 'none');
  const claim = (
    <>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="chargerId" value={chargerId ?? ''} />
    </>
  );
  const since = current && format.dateTime(current.validFrom, { dateStyle: 'medium', timeStyle: 'short' });
  const summary =
    current?.kind === 'fixed' && current.pricePerKwh
      ? t('currentPrice', { price: format.number(Number(current.pricePerKwh), { style: 'currency', currency: current.currency, maximumFractionDigits: 4 }), date: since! })
      : current
        ? t('currentKind', { kind: t(KIND_LABELS[current.kind]), date: since! })
        : emptyLabel;
  return (
    <div className="flex flex-col gap-3" data-testid={chargerId ? `tariff-${chargerId}` : 'tariff-account'}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-medium text-slate-900">{title}</h3>
        <p className="text-sm text-slate-600">{summary}</p>
      </div>
      <form action={action} className="flex flex-col gap-4" noValidate>
        {claim}
        <PriceFields key={fieldsKey} current={current} values={values} errors={errors} defaultCurrency={defaultCurrency} />
        <SubmitButton label={t('save')} className="self-start" />
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

type PriceFieldsProps = {
  current: CurrentPrice | null;
  values?: Record<string, string>;
  errors?: Record<string, ValidationKey[]>;
  defaultCurrency: string;
};

function PriceFields({ current, values, errors, defaultCurrency }: PriceFieldsProps) {
  const t = useTranslations('TariffPage');
  const [kind, setKind] = useState<keyof typeof KIND_LABELS>((values?.kind as keyof typeof KIND_LABELS | undefined) ?? current?.kind ?? 'fixed');
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('kind')}</legend>
        {(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="kind" value={option} defaultChecked={kind === option} onChange={() => setKind(option)} />
            {t(KIND_LABELS[option])}
          </label>
        ))}
      </fieldset>
      <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3 sm:grid-cols-[14rem_8rem]">
        {kind !== 'timeOfUse' && (
          <TextField
            label={kind === 'dayAhead' ? t('fallbackPrice') : t('price')}
            name="pricePerKwh"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={values?.pricePerKwh ?? (current?.pricePerKwh ? String(Number(current.pricePerKwh)) : '')}
            errors={errors?.pricePerKwh}
          />
        )}
        <CurrencySelect defaultValue={values?.currency ?? current?.currency ?? defaultCurrency} errors={errors?.currency} />
      </div>
      {kind === 'timeOfUse' && <PeriodsEditor periods={current?.kind === 'timeOfUse' ? current.periods : null} values={values} errors={errors} />}
    </>
  );
}
