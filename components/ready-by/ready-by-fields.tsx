'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import { TextField } from '@/components/ui/text-field';
import type { ActionResult } from '@/lib/action-result';
import type { CarChoice } from '@/domain/data/cars';

const selectClass = 'w-full rounded-lg border border-slate-300 bg-white py-2.5 pl-3 pr-8 text-base sm:text-sm';

// Departure and energy of a "ready by": kWh as such, or a battery level of one of the user's cars (offered once the
// user has a car; until then the form says where to add one).
export function ReadyByFields({ state, cars }: { state: ActionResult<unknown>; cars: CarChoice[] }) {
  const t = useTranslations('ReadyBy');
  const id = useId();
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const hasCars = cars.length > 0;
  const [chosen, setAmount] = useState(values.amount === 'percent' ? 'percent' : 'kwh');
  const amount = hasCars ? chosen : 'kwh';
  // Without a car there is no choice to draw the amount's or the car's errors at: they go with the energy.
  return (
    <>
      <TextField label={t('departure')} name="departure" type="time" defaultValue={values.departure ?? '07:00'} errors={errors.departure} />
      {hasCars ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-700">{t('amount')}</legend>
          <div className="flex gap-4 text-sm">
            {(['kwh', 'percent'] as const).map((choice) => (
              <label key={choice} className="flex items-center gap-2">
                <input type="radio" name="amount" value={choice} checked={amount === choice} onChange={() => setAmount(choice)} />
                {t(choice === 'kwh' ? 'byKwh' : 'byPercent')}
              </label>
            ))}
          </div>
          <FieldErrors id={`${id}-amount-errors`} errors={errors.amount} />
        </fieldset>
      ) : (
        <input type="hidden" name="amount" value="kwh" />
      )}
      {amount === 'kwh' ? (
        <TextField
          label={t('energyKwh')}
          name="energyKwh"
          inputMode="decimal"
          defaultValue={values.energyKwh ?? ''}
          errors={hasCars ? errors.energyKwh : [...(errors.energyKwh ?? []), ...(errors.amount ?? []), ...(errors.carId ?? [])]}
          hint={hasCars ? undefined : t('noCars')}
        />
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium text-slate-700">
              {t('car')}
            </label>
            <select id={id} name="carId" className={selectClass} defaultValue={values.carId} aria-invalid={Boolean(errors.carId?.length) || undefined} aria-describedby={`${id}-errors`}>
              {cars.map((car) => (
                <option key={car.id} value={car.id}>
                  {t('carOption', { name: car.name, kwh: car.batteryWh / 1000 })}
                </option>
              ))}
            </select>
            <FieldErrors id={`${id}-errors`} errors={errors.carId} />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <TextField label={t('fromPercent')} name="fromPercent" inputMode="numeric" defaultValue={values.fromPercent ?? ''} errors={errors.fromPercent} />
            <TextField label={t('toPercent')} name="toPercent" inputMode="numeric" defaultValue={values.toPercent ?? '80'} errors={errors.toPercent} />
          </div>
        </>
      )}
    </>
  );
}
