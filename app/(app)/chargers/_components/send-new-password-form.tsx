'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import type { CommandOutcome } from '@/domain/commands/send';
import { sendNewPasswordAction } from '../actions';

type Status = CommandOutcome['status'];

function Outcome({ status }: { status: Status }) {
  const t = useTranslations('ChargerDetail');
  if (status === 'accepted') return <Alert tone="success">{t('sendPasswordAccepted')}</Alert>;
  if (status === 'offline' || status === 'expired') return <Alert tone="error">{t('sendPasswordOffline')}</Alert>;
  // Not answered (yet): the charger may hold the new password, and both work until it logs in with one.
  if (status === 'timeout' || status === 'pending' || status === 'sent') return <Alert tone="info">{t('sendPasswordTimeout')}</Alert>;
  return <Alert tone="error">{t('sendPasswordRefused')}</Alert>;
}

export function SendNewPasswordForm({ charger }: { charger: { accountId: string; id: string; hasNextPassword: boolean } }) {
  const t = useTranslations('ChargerDetail');
  const [state, action] = useActionState<ActionResult<Status>, FormData>(sendNewPasswordAction, idle);
  return (
    <form action={action} className="mt-4 flex flex-col gap-3" data-testid="send-new-password">
      <input type="hidden" name="accountId" value={charger.accountId} />
      <input type="hidden" name="chargerId" value={charger.id} />
      <p className="text-sm text-slate-600">{t('sendPasswordBody')}</p>
      <FormAlert state={state} />
      {state.status === 'ok' ? <Outcome status={state.data} /> : charger.hasNextPassword && <Alert tone="info">{t('nextPasswordWaiting')}</Alert>}
      <SubmitButton label={t('sendPassword')} className="self-start" />
    </form>
  );
}
