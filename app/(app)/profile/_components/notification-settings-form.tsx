'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { NotificationKind } from '@/db/schema';
import { idle } from '@/lib/action-result';
import { saveNotificationsAction } from '../notification-actions';
import { NotificationChoice } from './notification-choice';

type Props = { accountId: string; accountName: string; kinds: { kind: NotificationKind; isEmail: boolean; isPush: boolean }[] };

export function NotificationSettingsForm({ accountId, accountName, kinds }: Props) {
  const t = useTranslations('NotificationSettings');
  const [state, action] = useActionState(saveNotificationsAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">{accountName}</legend>
        {kinds.map((choice) => (
          <NotificationChoice key={choice.kind} {...choice} />
        ))}
      </fieldset>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      <SubmitButton label={t('save')} variant="secondary" className="self-start" />
    </form>
  );
}
