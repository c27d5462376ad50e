'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { FieldErrors } from '@/components/ui/field-errors';
import { LOG_TYPES } from '@/domain/commands/actions';
import { idle, type ActionResult, type ValidationKey } from '@/lib/action-result';
import type { DiagnosticsAnswer } from '@/domain/diagnostics/request';
import { requestDiagnosticsAction } from '../[chargerId]/diagnostics-actions';

const TIME_FIELDS = ['startTime', 'stopTime'] as const;

// A datetime-local value is the user's wall clock; the browser knows its offset, so the instant is made here.
function asInstant(value: FormDataEntryValue | null) {
  if (typeof value !== 'string' || value.trim() === '') return '';
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? value : at.toISOString();
}

// The instant the server echoes back, in the wall clock a datetime-local field shows.
function asWallClock(value: string | undefined) {
  const at = value ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function AnswerAlert({ state }: { state: ActionResult<DiagnosticsAnswer> }) {
  const t = useTranslations('ChargerDiagnostics');
  if (state.status !== 'ok') return <FormAlert state={state} />;
  const { status, fileName, logStatus } = state.data;
  const tone = status === 'accepted' ? 'success' : status === 'pending' || status === 'sent' ? 'info' : 'error';
  if (logStatus === 'AcceptedCanceled') return <Alert tone={tone}>{t('answerCanceled', { fileName: fileName ?? '' })}</Alert>;
  return <Alert tone={tone}>{t('answer', { status, hasFile: fileName ? 'yes' : 'no', fileName: fileName ?? '' })}</Alert>;
}

const SELECT = 'rounded-lg border border-slate-300 bg-white py-2 pl-3 pr-8 text-sm';

// GetLog's two logs are the security whitepaper's; a charger known to lack it is offered GetDiagnostics alone.
function LogTypeField({ lacksSecurityExtension, value, errors }: { lacksSecurityExtension: boolean; value?: string; errors?: ValidationKey[] }) {
  const t = useTranslations('ChargerDiagnostics');
  if (lacksSecurityExtension) return <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="diagnostics-plain-only">{t('plainOnly')}</p>;
  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        {t('logTypeLabel')}
        <select name="logType" className={SELECT} defaultValue={value ?? ''} key={value} aria-describedby="logType-errors">
          <option value="">{t('logTypes.diagnostics')}</option>
          {LOG_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`logTypes.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="logType-errors" errors={errors} />
    </div>
  );
}

type FormProps = { target: { accountId: string; chargerId: string }; isOnline: boolean; lacksSecurityExtension: boolean };

export function DiagnosticsRequestForm({ target, isOnline, lacksSecurityExtension }: FormProps) {
  const t = useTranslations('ChargerDiagnostics');
  const [state, action] = useActionState(requestDiagnosticsAction, idle);
  const submit = (form: FormData) => {
    for (const name of TIME_FIELDS) form.set(name, asInstant(form.get(name)));
    action(form);
  };
  const fieldErrors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={submit} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <LogTypeField lacksSecurityExtension={lacksSecurityExtension} value={values?.logType} errors={fieldErrors?.logType} />
      <div className="grid gap-3 sm:grid-cols-2">
        {TIME_FIELDS.map((name) => (
          <TextField key={name} type="datetime-local" name={name} label={t(name)} defaultValue={asWallClock(values?.[name])} errors={fieldErrors?.[name]} />
        ))}
      </div>
      <AnswerAlert state={state} />
      <fieldset disabled={!isOnline} className="contents">
        <SubmitButton label={t('request')} pendingLabel={t('sending')} variant="secondary" className="self-start" />
      </fieldset>
    </form>
  );
}
