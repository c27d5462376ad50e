'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
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
  const { status, fileName } = state.data;
  const tone = status === 'accepted' ? 'success' : status === 'pending' || status === 'sent' ? 'info' : 'error';
  return <Alert tone={tone}>{t('answer', { status, hasFile: fileName ? 'yes' : 'no', fileName: fileName ?? '' })}</Alert>;
}

export function DiagnosticsRequestForm({ target, isOnline }: { target: { accountId: string; chargerId: string }; isOnline: boolean }) {
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
