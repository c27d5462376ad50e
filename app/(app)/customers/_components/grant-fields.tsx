'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { GrantedRole } from '@/domain/people/roles';
import { ROLES_TO_GRANT } from '@/domain/people/roles';
import { FieldErrors } from '@/components/ui/field-errors';
import { TextField } from '@/components/ui/text-field';
import type { ValidationKey } from '@/lib/action-result';
import { browserOffsetAt, chargerFieldName } from '../grant-form-fields';

export type ChargerChoice = { id: string; name: string };

type GrantFieldsProps = {
  idPrefix: string;
  chargers: ChargerChoice[];
  initialRole?: GrantedRole;
  values?: Record<string, string>;
  errors?: Record<string, ValidationKey[]>;
};

// The role to grant, each with what it may do said plainly, and a guest's end, cap and chargers.
export function GrantFields({ idPrefix, chargers, initialRole = 'member', values, errors }: GrantFieldsProps) {
  const t = useTranslations('CustomersPage');
  const [role, setRole] = useState<GrantedRole>((values?.role as GrantedRole | undefined) ?? initialRole);
  // The browser's offset at the end typed turns the wall-clock end into an instant on the server.
  const offsetField = useRef<HTMLInputElement>(null);
  const endField = useRef<HTMLInputElement>(null);
  const syncOffset = () => {
    if (offsetField.current) offsetField.current.value = String(browserOffsetAt(endField.current?.value ?? ''));
  };
  useEffect(syncOffset);
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('role')}</legend>
        {ROLES_TO_GRANT.map((choice) => (
          <label key={choice} className="flex items-start gap-2 text-sm">
            <input type="radio" name="role" value={choice} checked={role === choice} onChange={() => setRole(choice)} className="mt-1" data-testid={`${idPrefix}-role-${choice}`} />
            <span>
              <span className="font-semibold">{t('roleName', { role: choice })}</span> — <span className="text-slate-600">{t('roleExplained', { role: choice })}</span>
            </span>
          </label>
        ))}
        <FieldErrors id={`${idPrefix}-role-errors`} errors={errors?.role} />
      </fieldset>
      <input ref={offsetField} type="hidden" name="timeZoneOffset" defaultValue="0" />
      {role === 'guest' && (
        <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-3">
          <TextField
            ref={endField}
            label={t('guestEnds')}
            name="accessEndsAt"
            type="datetime-local"
            required
            defaultValue={values?.accessEndsAt}
            errors={errors?.accessEndsAt}
            onChange={syncOffset}
          />
          <TextField
            label={t('guestEnergyCap')}
            name="energyCapKwh"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            defaultValue={values?.energyCapKwh}
            errors={errors?.energyCapKwh}
          />
          {chargers.length > 0 && (
            <fieldset className="flex flex-col gap-1" aria-describedby={errors?.chargerIds?.length ? `${idPrefix}-charger-errors` : undefined}>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t('guestChargers')}</legend>
              {chargers.map((charger) => (
                <label key={charger.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={chargerFieldName(charger.id)} defaultChecked={values?.[chargerFieldName(charger.id)] === 'on'} />
                  {charger.name}
                </label>
              ))}
            </fieldset>
          )}
          <FieldErrors id={`${idPrefix}-charger-errors`} errors={errors?.chargerIds} />
        </div>
      )}
    </div>
  );
}
