'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { FieldErrors } from '@/components/ui/field-errors';
import { CIRCUIT_SOLAR_MODES, type SolarMode } from '@/domain/circuits/solar-hysteresis';
import type { ValidationKey } from '@/lib/action-result';

type CircuitFeedFieldsProps = {
  followsMeterFeed: boolean;
  solarMode: SolarMode;
  errors?: Record<string, ValidationKey[]>;
  // What the user sent with an error, shown again.
  typed?: Record<string, string>;
};

// Whether the circuit is the one at the grid connection (its budget follows the home meter feed) and how it uses
// solar surplus.
export function CircuitFeedFields({ followsMeterFeed, solarMode, errors, typed }: CircuitFeedFieldsProps) {
  const t = useTranslations('CircuitForm');
  const feedErrorsId = useId();
  const solarErrorsId = useId();
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl p-3 ring-1 ring-slate-200">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t('feedLegend')}</legend>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="followsMeterFeed"
          defaultChecked={typed ? typed.followsMeterFeed === 'on' : followsMeterFeed}
          aria-describedby={feedErrorsId}
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
        />
        <span>
          <span className="font-medium">{t('followsMeterFeed')}</span>
          <span className="block text-slate-600">{t('followsMeterFeedHint')}</span>
        </span>
      </label>
      <FieldErrors id={feedErrorsId} errors={errors?.followsMeterFeed} />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('solarMode')}
        <select
          name="solarMode"
          defaultValue={typed?.solarMode ?? solarMode}
          aria-describedby={solarErrorsId}
          className="w-full rounded-lg border border-slate-300 bg-white py-2.5 pr-8 pl-3 text-base sm:text-sm"
        >
          {CIRCUIT_SOLAR_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t('solarModeOption', { mode })}
            </option>
          ))}
        </select>
        <span className="font-normal text-slate-600">{t('solarModeHint')}</span>
      </label>
      <FieldErrors id={solarErrorsId} errors={errors?.solarMode} />
    </fieldset>
  );
}
