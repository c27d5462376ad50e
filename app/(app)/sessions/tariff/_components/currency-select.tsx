'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import type { ValidationKey } from '@/lib/action-result';
import { CURRENCIES } from '@/domain/charging/tariff';

export function CurrencySelect({ defaultValue, errors }: { defaultValue: string; errors?: ValidationKey[] }) {
  const t = useTranslations('TariffPage');
  const id = useId();
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('currency')}
      </label>
      <select
        id={id}
        name="currency"
        defaultValue={defaultValue}
        aria-invalid={hasErrors || undefined}
        aria-describedby={`${id}-errors`}
        className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-base shadow-sm transition focus:ring-2 sm:text-sm ${
          hasErrors ? 'border-red-400 focus:ring-red-200' : 'border-slate-300 focus:border-brand-500 focus:ring-brand-100'
        }`}
      >
        {CURRENCIES.map((currency) => (
          <option key={currency} value={currency}>
            {currency}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
