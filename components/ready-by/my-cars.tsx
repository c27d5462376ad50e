'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { addCarAction, removeCarAction } from '@/app/actions/ready-by';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle } from '@/lib/action-result';
import type { CarChoice } from '@/domain/data/cars';

function RemoveCarForm({ car }: { car: CarChoice }) {
  const t = useTranslations('ReadyBy');
  const [state, action] = useActionState(removeCarAction, idle);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="carId" value={car.id} />
      <FormAlert state={state} />
      <SubmitButton label={t('removeCar', { name: car.name })} variant="ghost" />
    </form>
  );
}

// The user's cars, each entered once: a battery size that turns a battery level into kWh.
export function MyCars({ cars }: { cars: CarChoice[] }) {
  const t = useTranslations('ReadyBy');
  const [state, action] = useActionState(addCarAction, idle);
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  return (
    <section className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="my-cars">
      <div>
        <h2 className="text-lg font-semibold">{t('myCars')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('myCarsIntro')}</p>
      </div>
      {cars.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noCarsYet')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 text-sm">
          {cars.map((car) => (
            <li key={car.id} className="flex items-center justify-between gap-3 py-1">
              <span>{t('carOption', { name: car.name, kwh: car.batteryWh / 1000 })}</span>
              <RemoveCarForm car={car} />
            </li>
          ))}
        </ul>
      )}
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start" noValidate>
        <div className="flex flex-col gap-2 empty:hidden sm:col-span-3">
          {state.status === 'ok' && <Alert tone="success">{t('carAdded')}</Alert>}
          <FormAlert state={state} />
        </div>
        <TextField label={t('carName')} name="name" required maxLength={100} defaultValue={values.name ?? ''} errors={errors.name} />
        <TextField label={t('batteryKwh')} name="batteryKwh" inputMode="decimal" required defaultValue={values.batteryKwh ?? ''} errors={errors.batteryKwh} />
        <SubmitButton label={t('addCar')} className="sm:mt-6" />
      </form>
    </section>
  );
}
