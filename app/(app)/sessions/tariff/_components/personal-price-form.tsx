'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import { clearPersonalPriceAction, setPersonalPriceAction } from '../person-actions';
import { CurrencySelect } from './currency-select';

type Props = {
  accountId: string;
  holder: { userId: string } | { cardId: string };
  title: string;
  price: { pricePerKwh: string; currency: string } | null;
  defaultCurrency: string;
};

export function PersonalPriceForm({ accountId, holder, title, price, defaultCurrency }: Props) {
  const t = useTranslations('TariffPage');
  const format = useFormatter();
  const [state, action] = useActionState(setPersonalPriceAction, idle);
  const [clearState, clear] = useActionState(clearPersonalPriceAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const claim = (
    <>
      <input type="hidden" name="accountId" value={accountId} />
      {'userId' in holder ? <input type="hidden" name="userId" value={holder.userId} /> : <input type="hidden" name="cardId" value={holder.cardId} />}
    </>
  );
  const testId = 'userId' in holder ? `own-price-${holder.userId}` : `own-price-${holder.cardId}`;
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h4 className="font-medium text-slate-900">{title}</h4>
        <p className="text-sm text-slate-600">
          {price
            ? t('ownPriceNow', { price: format.number(Number(price.pricePerKwh), { style: 'currency', currency: price.currency, maximumFractionDigits: 4 }) })
            : t('noOwnPrice')}
        </p>
      </div>
      <form action={action} className="grid grid-cols-[minmax(0,1fr)_7rem] gap-3 sm:grid-cols-[14rem_8rem_auto] sm:items-start" noValidate>
        {claim}
        <TextField
          label={t('ownPrice')}
          name="pricePerKwh"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values?.pricePerKwh ?? (price ? String(Number(price.pricePerKwh)) : '')}
          errors={errors?.pricePerKwh}
        />
        <CurrencySelect defaultValue={values?.currency ?? price?.currency ?? defaultCurrency} errors={errors?.currency} />
        <SubmitButton label={t('save')} className="col-span-2 justify-self-start sm:col-span-1 sm:mt-7" />
      </form>
      <FormAlert state={state} />
      {price && (
        <form action={clear}>
          {claim}
          <FormAlert state={clearState} />
          <SubmitButton label={t('removeOwnPrice')} variant="ghost" className="-ml-4" />
        </form>
      )}
    </div>
  );
}
