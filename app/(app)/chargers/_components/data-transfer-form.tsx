'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { chargerCommandAction, type CommandReply } from '../[chargerId]/command-actions';
import { CommandResult } from './command-result';

type Target = { accountId: string; chargerId: string };

// DataTransfer (OCPP 1.6 §5.6): a vendor's own request, for what the charger's maker documents; its answer and the
// data the charger sends back are shown as they came.
export function DataTransferForm({ target, disabled }: { target: Target; disabled: boolean }) {
  const t = useTranslations('ChargerCommands');
  const [state, action] = useActionState<ActionResult<CommandReply>, FormData>(chargerCommandAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const answered = state.status === 'ok' && typeof state.data.response?.data === 'string' ? state.data.response.data : null;
  return (
    <form action={action} className="flex flex-col gap-3 border-t border-slate-200 pt-4" data-testid="data-transfer">
      <h3 className="text-sm font-medium text-slate-700">{t('dataTransferTitle')}</h3>
      <p className="text-sm text-slate-600">{t('dataTransferBody')}</p>
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <input type="hidden" name="command" value="DataTransfer" />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('vendorId')} name="vendorId" defaultValue={values?.vendorId} errors={errors?.vendorId} autoComplete="off" />
        <TextField label={t('messageId')} name="messageId" defaultValue={values?.messageId} errors={errors?.messageId} autoComplete="off" />
      </div>
      <TextAreaField name="data" label={t('data')} rows={3} className="text-sm" defaultValue={values?.data} errors={errors?.data} />
      <fieldset disabled={disabled} className="contents">
        <SubmitButton label={t('dataTransferSend')} variant="secondary" className="self-start" />
      </fieldset>
      <CommandResult state={state.status === 'error' && !state.formError ? idle : state} />
      {answered !== null && (
        <div>
          <p className="text-sm font-medium text-slate-700">{t('answerData')}</p>
          <pre tabIndex={0} className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-slate-100 p-3 text-xs" data-testid="data-transfer-answer">
            {answered}
          </pre>
        </div>
      )}
    </form>
  );
}
