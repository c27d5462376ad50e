'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import type { ShownDeviceVariable } from '@/domain/data/device-model';
import { setDeviceVariableAction, type DeviceModelReply } from '../[chargerId]/device-model-actions';
import { isWritable } from './device-model-groups';

type Target = { accountId: string; chargerId: string };

const TAKEN = new Set(['Accepted', 'RebootRequired']);

// The charger's answer beside the variable: this page's last change, else the one stored from an earlier visit.
function SetAnswer({ answer, status }: { answer: string | null; status: string | null }) {
  const t = useTranslations('ChargerDeviceModel');
  if (answer) return <Alert tone={TAKEN.has(answer) ? 'success' : 'error'}>{t('setResult', { status: answer })}</Alert>;
  if (status) return <Alert tone={status === 'accepted' ? 'success' : status === 'pending' || status === 'sent' ? 'info' : 'error'}>{t('commandStatus', { status })}</Alert>;
  return null;
}

function ChangeForm({ target, variable, onDone }: { target: Target; variable: ShownDeviceVariable; onDone: () => void }) {
  const t = useTranslations('ChargerDeviceModel');
  const [state, action] = useActionState<ActionResult<DeviceModelReply>, FormData>(setDeviceVariableAction, idle);
  const errorsId = useId();
  const valueErrors = state.status === 'error' ? state.fieldErrors?.value : undefined;
  const typed = state.status === 'error' ? state.values?.value : undefined;
  return (
    <form action={action} className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <input type="hidden" name="variableId" value={variable.id} />
      <label className="text-xs font-medium text-slate-600">
        {t('newValue', { name: variable.variableName })}
        <input
          name="value"
          key={typed}
          defaultValue={typed ?? variable.value ?? ''}
          maxLength={1000}
          inputMode={variable.dataType === 'integer' || variable.dataType === 'decimal' ? 'decimal' : undefined}
          aria-invalid={valueErrors?.length ? true : undefined}
          aria-describedby={errorsId}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5 font-mono text-sm"
        />
      </label>
      <FieldErrors id={errorsId} errors={valueErrors} values={state.status === 'error' ? state.fieldErrorValues : undefined} />
      <div className="flex items-center gap-3">
        <SubmitButton label={t('save')} />
        <button type="button" onClick={onDone} className="text-sm text-slate-600 hover:underline">
          {t('cancel')}
        </button>
      </div>
      {state.status === 'error' && !valueErrors && <FormAlert state={state} />}
      {state.status === 'ok' && <SetAnswer answer={state.data.answer} status={state.data.status} />}
    </form>
  );
}

export function DeviceVariableRow({ target, variable, isOnline }: { target: Target; variable: ShownDeviceVariable; isOnline: boolean }) {
  const t = useTranslations('ChargerDeviceModel');
  const [isEditing, setIsEditing] = useState(false);
  const instance = variable.variableInstance ? ` [${variable.variableInstance}]` : '';
  return (
    <li className="py-2" data-testid="device-variable" data-variable={`${variable.variableName}${instance}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span className="font-mono text-xs break-all">
          {variable.variableName}
          {instance}
          {variable.attributeType !== 'Actual' && <span className="ml-1 text-slate-600">({t('attribute', { type: variable.attributeType })})</span>}
        </span>
        <span className="flex items-baseline gap-3">
          <span className="font-mono text-xs break-all" data-testid="device-variable-value">
            {variable.value ?? '—'}
            {variable.unit && variable.value !== null && ` ${variable.unit}`}
          </span>
          {isWritable(variable) ? (
            <button type="button" disabled={!isOnline} onClick={() => setIsEditing(true)} className="text-xs font-semibold text-brand-700 hover:underline disabled:text-slate-400">
              {t('change')}
            </button>
          ) : (
            <span className="text-xs text-slate-600">{t('readOnly')}</span>
          )}
        </span>
      </div>
      {!isEditing && variable.lastSetStatus && (
        <p className="mt-1 text-xs text-slate-600" data-testid="device-variable-last-set">
          {t('lastSet', { status: variable.lastSetStatus })}
        </p>
      )}
      {isEditing && <ChangeForm target={target} variable={variable} onDone={() => setIsEditing(false)} />}
    </li>
  );
}
