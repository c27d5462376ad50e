'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import { TextField } from '@/components/ui/text-field';
import type { ValidationKey } from '@/lib/action-result';
import type { TimeOfUsePeriod } from '@/domain/prices/time-of-use';

type Row = { key: number; days: string; fromHour: string; toHour: string; fromMonth: string; toMonth: string; price: string };

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const selectClasses = 'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 sm:text-sm';

function rowsFrom(periods: TimeOfUsePeriod[] | null, values: Record<string, string> | undefined): Row[] {
  if (values) {
    const count = Object.keys(values).filter((name) => /^price-\d+$/.test(name)).length;
    return Array.from({ length: count }, (_, i) => ({
      key: i,
      days: values[`days-${i}`] ?? 'everyDay',
      fromHour: values[`fromHour-${i}`] ?? '',
      toHour: values[`toHour-${i}`] ?? '',
      fromMonth: values[`fromMonth-${i}`] ?? '',
      toMonth: values[`toMonth-${i}`] ?? '',
      price: values[`price-${i}`] ?? '',
    }));
  }
  const start = periods ?? [{ days: 'everyDay', fromHour: 0, toHour: 24, fromMonth: null, toMonth: null, pricePerKwh: '' }];
  return start.map((period, i) => ({
    key: i,
    days: period.days,
    fromHour: String(period.fromHour),
    toHour: String(period.toHour),
    fromMonth: period.fromMonth === null ? '' : String(period.fromMonth),
    toMonth: period.toMonth === null ? '' : String(period.toMonth),
    price: period.pricePerKwh === '' ? '' : String(Number(period.pricePerKwh)),
  }));
}

type Props = { periods: TimeOfUsePeriod[] | null; values?: Record<string, string>; errors?: Record<string, ValidationKey[]> };

// The rows of a time-of-use price, one card each so they read on a phone; the fields are named by position, which
// the server's errors name too. The fields are uncontrolled, their defaults what was last sent or saved (the parent
// remounts this with each answer), since React resets a form to its defaults after its action.
export function PeriodsEditor({ periods, values, errors }: Props) {
  const t = useTranslations('TariffPage');
  const id = useId();
  const [rows, setRows] = useState(() => rowsFrom(periods, values));
  const [nextKey, setNextKey] = useState(rows.length);
  const monthName = (month: number) => new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 15)));
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={`${id}-hint ${id}-errors`}>
      <legend className="text-sm font-medium text-slate-700">{t('periodsLegend')}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-500">
        {t('periodsHint')}
      </p>
      {rows.map((row, i) => (
        <div key={row.key} className="rounded-lg border border-slate-200 p-3" data-testid={`period-${i}`}>
          <div className="mb-2 flex items-center justify-between">
            <h4 className="text-sm font-semibold text-slate-800">{t('periodNumber', { number: i + 1 })}</h4>
            {rows.length > 1 && (
              <button type="button" className="text-sm font-medium text-red-700 hover:underline" onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                {t('removePeriod', { number: i + 1 })}
              </button>
            )}
          </div>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-6">
            <label className="col-span-2 flex flex-col gap-1.5 text-sm font-medium text-slate-700">
              {t('days')}
              <select name={`days-${i}`} defaultValue={row.days} className={selectClasses}>
                <option value="everyDay">{t('daysEveryDay')}</option>
                <option value="weekdays">{t('daysWeekdays')}</option>
                <option value="weekend">{t('daysWeekend')}</option>
              </select>
            </label>
            <TextField label={t('fromHour')} name={`fromHour-${i}`} inputMode="numeric" defaultValue={row.fromHour} errors={errors?.[`hours-${i}`]} />
            <TextField label={t('toHour')} name={`toHour-${i}`} inputMode="numeric" defaultValue={row.toHour} />
            <TextField
              label={t('price')}
              name={`price-${i}`}
              inputMode="decimal"
              autoComplete="off"
              className="col-span-2"
              defaultValue={row.price}
              errors={errors?.[`price-${i}`]}
            />
            {(['fromMonth', 'toMonth'] as const).map((field) => (
              <label key={field} className="col-span-1 flex flex-col gap-1.5 text-sm font-medium text-slate-700 sm:col-span-3">
                {t(field)}
                <select name={`${field}-${i}`} defaultValue={row[field]} className={selectClasses}>
                  <option value="">{t('allYear')}</option>
                  {MONTHS.map((month) => (
                    <option key={month} value={month}>
                      {monthName(month)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <FieldErrors id={`${id}-row-${i}`} errors={[...(errors?.[`season-${i}`] ?? []), ...(errors?.[`row-${i}`] ?? []), ...(errors?.[`days-${i}`] ?? [])]} />
        </div>
      ))}
      <FieldErrors id={`${id}-errors`} errors={errors?.periods} />
      <button
        type="button"
        className="self-start text-sm font-medium text-brand-700 hover:underline"
        onClick={() => {
          setRows((current) => [...current, { key: nextKey, days: 'everyDay', fromHour: '', toHour: '', fromMonth: '', toMonth: '', price: '' }]);
          setNextKey(nextKey + 1);
        }}
      >
        + {t('addPeriod')}
      </button>
    </fieldset>
  );
}
