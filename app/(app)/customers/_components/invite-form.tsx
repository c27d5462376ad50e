'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { idle, type ActionResult } from '@/lib/action-result';
import { inviteUserAction } from '../actions';
import { GrantFields, type ChargerChoice } from './grant-fields';

export function InviteForm({ accountId, chargers }: { accountId: string; chargers: ChargerChoice[] }) {
  const t = useTranslations('CustomersPage');
  const [state, action] = useActionState<ActionResult<string>, FormData>(inviteUserAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <ul className="list-disc pl-5 text-sm text-slate-600" data-testid="invite-outcomes">
        <li>{t('inviteHasAccount')}</li>
        <li>{t('inviteNoAccount')}</li>
      </ul>
      <GrantFields idPrefix="invite" chargers={chargers} values={state.status === 'error' ? state.values : undefined} errors={errors} />
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('invited', { email: state.data })}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label={t('email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          className="flex-1"
          defaultValue={state.status === 'error' ? state.values?.email : undefined}
          errors={errors?.email}
        />
        <SubmitButton label={t('invite')} pendingLabel={t('inviting')} className="sm:mt-7" />
      </div>
    </form>
  );
}
