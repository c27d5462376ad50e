'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import type { FirmwareReply } from '@/lib/firmware/start-update';
import { FirmwareSigningFields } from './firmware-signing-fields';

type Target = { accountId: string; chargerId: string };

// The time field is in the browser's time zone; the server gets the moment itself.
function withIsoRetrieveAt(form: FormData) {
  const local = form.get('retrieveAt');
  if (typeof local === 'string' && local !== '') {
    const moment = new Date(local);
    form.set('retrieveAt', Number.isNaN(moment.getTime()) ? local : moment.toISOString());
  }
  return form;
}

// The moment the server got, back in the time field's local form (yyyy-mm-ddThh:mm), for a form shown again.
function localTimeField(iso: string | undefined) {
  const moment = iso ? new Date(iso) : null;
  if (!moment || Number.isNaN(moment.getTime())) return undefined;
  return new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function ReplyAlert({ reply }: { reply: FirmwareReply }) {
  const t = useTranslations('ChargerFirmware');
  const tone = reply.status === 'accepted' ? 'success' : reply.status === 'pending' || reply.status === 'sent' ? 'info' : 'error';
  const explains = reply.answer && reply.answer !== 'Accepted' && reply.answer !== 'Rejected';
  return (
    <Alert tone={tone}>
      {t('result', { status: reply.status })}
      {explains && <span className="block text-xs opacity-80">{t('answer', { answer: reply.answer ?? '' })}</span>}
    </Alert>
  );
}

type FormProps = { target: Target; isOnline: boolean; lacksSecurityExtension: boolean };

export function FirmwareUpdateForm({ target, isOnline, lacksSecurityExtension }: FormProps) {
  const t = useTranslations('ChargerFirmware');
  const router = useRouter();
  const [state, action] = useActionState<ActionResult<FirmwareReply>, FormData>(async (_previous, form) => {
    try {
      const response = await fetch('/api/firmware', { method: 'POST', body: withIsoRetrieveAt(form) });
      const result = (await response.json()) as ActionResult<FirmwareReply>;
      if (result.status === 'ok') router.refresh();
      return result;
    } catch {
      return { status: 'error', formError: 'generic' };
    }
  }, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  // React empties a form after its action; what was typed comes back with an error (a file input cannot be refilled).
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" data-testid="firmware-form">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <FormAlert state={state} />
      {state.status === 'ok' && <ReplyAlert reply={state.data} />}
      <TextField type="file" name="firmwareFile" label={t('fileLabel')} hint={t('fileHint')} errors={errors?.firmwareFile} />
      <TextField type="url" name="firmwareUrl" label={t('urlLabel')} hint={t('urlHint')} errors={errors?.firmwareUrl} placeholder="https://" defaultValue={values?.firmwareUrl} key={`url-${values?.firmwareUrl}`} />
      <FirmwareSigningFields lacksSecurityExtension={lacksSecurityExtension} values={values} errors={errors} />
      <TextField type="datetime-local" name="retrieveAt" label={t('retrieveAtLabel')} hint={t('retrieveAtHint')} errors={errors?.retrieveAt} defaultValue={localTimeField(values?.retrieveAt)} key={`at-${values?.retrieveAt}`} />
      <fieldset disabled={!isOnline} className="contents">
        <SubmitButton label={t('submit')} pendingLabel={t('sending')} className="self-start" />
      </fieldset>
    </form>
  );
}
