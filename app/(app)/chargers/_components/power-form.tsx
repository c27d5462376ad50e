'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ChargingWindow } from '@/domain/smart-charging/charging-windows';
import { WINDOW_ROWS } from '@/domain/smart-charging/power-form';
import { DEFAULT_PHASES, DEFAULT_VOLTAGE } from '@/domain/smart-charging/profile';
import { idle, type ActionResult } from '@/lib/action-result';
import { savePowerSettingsAction } from '../[chargerId]/power-actions';

type PowerFormProps = {
  target: { accountId: string; chargerId: string };
  settings: { maxPowerW: number | null; windows: ChargingWindow[]; phases: number; voltage: number } | null;
  timeZone: string;
};

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const inputClass = 'mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm';

function WindowRow({ row, window, state }: { row: number; window: ChargingWindow | undefined; state: ActionResult<unknown> }) {
  const t = useTranslations('ChargerPower');
  const errorsId = useId();
  const errors = state.status === 'error' ? state.fieldErrors?.[`from${row}`] : undefined;
  const typed = state.status === 'error' ? state.values : undefined;
  const value = (name: string, fallback: string | undefined) => typed?.[name] ?? fallback ?? '';
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3" aria-describedby={errorsId} aria-invalid={errors?.length ? true : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-700">{t('window', { number: row + 1 })}</legend>
      <div className="grid grid-cols-2 gap-2">
        <label className="text-sm text-slate-700">
          {t('from')}
          <input type="time" name={`from${row}`} defaultValue={value(`from${row}`, window?.from)} className={inputClass} />
        </label>
        <label className="text-sm text-slate-700">
          {t('to')}
          <input type="time" name={`to${row}`} defaultValue={value(`to${row}`, window?.to)} className={inputClass} />
        </label>
      </div>
      <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {DAYS.map((day) => (
          <label key={day} className="flex min-h-8 items-center gap-1">
            <input type="checkbox" name={`day${row}_${day}`} defaultChecked={typed ? typed[`day${row}_${day}`] === 'on' : (window?.days.includes(day) ?? false)} />
            {t('day', { day })}
          </label>
        ))}
      </div>
      <FieldErrors id={errorsId} errors={errors} />
    </fieldset>
  );
}

function ElectricalFields({ settings, state }: { settings: PowerFormProps['settings']; state: ActionResult<unknown> }) {
  const t = useTranslations('ChargerPower');
  const phasesErrorsId = useId();
  const voltageErrorsId = useId();
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <div className="grid grid-cols-2 gap-2">
      <label className="text-sm font-medium text-slate-700">
        {t('phases')}
        <select
          name="phases"
          defaultValue={typed?.phases ?? String(settings?.phases ?? DEFAULT_PHASES)}
          aria-invalid={errors?.phases?.length ? true : undefined}
          aria-describedby={phasesErrorsId}
          className={inputClass}
        >
          {[1, 3].map((phases) => (
            <option key={phases} value={phases}>
              {t('phasesOption', { phases })}
            </option>
          ))}
        </select>
        <FieldErrors id={phasesErrorsId} errors={errors?.phases} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t('voltage')}
        <input
          name="voltage"
          inputMode="numeric"
          defaultValue={typed?.voltage ?? String(settings?.voltage ?? DEFAULT_VOLTAGE)}
          aria-invalid={errors?.voltage?.length ? true : undefined}
          aria-describedby={voltageErrorsId}
          className={inputClass}
        />
        <FieldErrors id={voltageErrorsId} errors={errors?.voltage} />
      </label>
      <p className="col-span-2 text-xs text-slate-500">{t('electricalHint')}</p>
    </div>
  );
}

export function PowerForm({ target, settings, timeZone }: PowerFormProps) {
  const t = useTranslations('ChargerPower');
  const [state, action] = useActionState(savePowerSettingsAction, idle);
  const maxErrorsId = useId();
  const maxErrors = state.status === 'error' ? state.fieldErrors?.maxPowerKw : undefined;
  const typedMax = state.status === 'error' ? state.values?.maxPowerKw : undefined;
  return (
    <form action={action} className="mt-4 flex flex-col gap-3 border-t border-slate-100 pt-4" data-testid="power-form">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <label className="text-sm font-medium text-slate-700">
        {t('maxPower')}
        <input
          name="maxPowerKw"
          inputMode="decimal"
          defaultValue={typedMax ?? (settings?.maxPowerW ? String(settings.maxPowerW / 1000) : '')}
          aria-invalid={maxErrors?.length ? true : undefined}
          aria-describedby={maxErrorsId}
          className={inputClass}
        />
        <span className="mt-1 block text-xs font-normal text-slate-500">{t('maxPowerHint')}</span>
      </label>
      <FieldErrors id={maxErrorsId} errors={maxErrors} />
      <ElectricalFields settings={settings} state={state} />
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-slate-700">{t('windows')}</p>
        <p className="text-xs text-slate-500">{t('windowsHint', { zone: timeZone })}</p>
        {Array.from({ length: WINDOW_ROWS }, (_, row) => (
          <WindowRow key={row} row={row} window={settings?.windows[row]} state={state} />
        ))}
      </div>
      <FormAlert state={state} />
      <SubmitButton label={t('save')} variant="secondary" />
    </form>
  );
}
