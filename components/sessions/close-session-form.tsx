'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { closeSessionAction } from '@/app/actions/sessions';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';

// Closing by hand asks for a reason, which stays with the session: a session is never closed silently.
export function CloseSessionForm({ transactionId }: { transactionId: number }) {
  const t = useTranslations('SessionControl');
  const [state, action] = useActionState(closeSessionAction, idle);
  const noteErrors = state.status === 'error' ? state.fieldErrors?.note : undefined;
  const errorsId = useId();
  const hintId = useId();
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="close-session-form">
      <input type="hidden" name="transactionId" value={transactionId} />
      <label className="text-sm font-medium text-slate-700">
        {t('closeReason')}
        <textarea
          name="note"
          required
          maxLength={500}
          rows={2}
          defaultValue={state.status === 'error' ? (state.values?.note ?? '') : ''}
          aria-invalid={noteErrors?.length ? true : undefined}
          aria-describedby={`${hintId} ${errorsId}`}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <p id={hintId} className="text-xs text-slate-500">
        {t('closeReasonHint')}
      </p>
      <FieldErrors id={errorsId} errors={noteErrors} />
      {state.status === 'ok' && <Alert tone="success">{t('closed')}</Alert>}
      <FormAlert state={state} />
      <SubmitButton label={t('close')} pendingLabel={t('closing')} variant="secondary" />
    </form>
  );
}
