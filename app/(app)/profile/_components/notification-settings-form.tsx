'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { NotificationKind } from '@/db/schema';
import { idle } from '@/lib/action-result';
import { saveNotificationsAction } from '../notification-actions';

const LABELS = {
  'session-finished': 'sessionFinished',
  'charger-faulted': 'chargerFaulted',
  'member-joined': 'memberJoined',
  'member-left': 'memberLeft',
} as const satisfies Record<NotificationKind, string>;

type Props = { accountId: string; accountName: string; kinds: { kind: NotificationKind; isEmail: boolean }[] };

export function NotificationSettingsForm({ accountId, accountName, kinds }: Props) {
  const t = useTranslations('NotificationSettings');
  const [state, action] = useActionState(saveNotificationsAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">{accountName}</legend>
        {kinds.map(({ kind, isEmail }) => (
          <label key={kind} className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name={kind} defaultChecked={isEmail} className="mt-0.5" /> {t(LABELS[kind])}
          </label>
        ))}
      </fieldset>
      <FormAlert state={state} />
      {state.status === 'ok' && <Alert tone="success">{t('saved')}</Alert>}
      <SubmitButton label={t('save')} variant="secondary" className="self-start" />
    </form>
  );
}
