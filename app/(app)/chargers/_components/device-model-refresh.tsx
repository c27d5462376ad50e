'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle, type ActionResult } from '@/lib/action-result';
import { refreshDeviceModelAction, type DeviceModelReply } from '../[chargerId]/device-model-actions';

// "Refresh": asks the charger for a full report; the list changes when its last part is in (a live event).
export function DeviceModelRefresh({ target, isOnline }: { target: { accountId: string; chargerId: string }; isOnline: boolean }) {
  const t = useTranslations('ChargerDeviceModel');
  const [state, action] = useActionState<ActionResult<DeviceModelReply>, FormData>(refreshDeviceModelAction, idle);
  return (
    <form action={action} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <fieldset disabled={!isOnline} className="contents">
        <SubmitButton label={t('refresh')} pendingLabel={t('refreshing')} variant="secondary" className="self-start" />
      </fieldset>
      {state.status === 'error' && <FormAlert state={state} />}
      {state.status === 'ok' && (
        <div data-testid="device-model-refresh-result">
          <Alert tone={state.data.status === 'accepted' ? 'info' : 'error'}>{t('refreshResult', { status: state.data.status, answer: state.data.answer ?? '' })}</Alert>
        </div>
      )}
    </form>
  );
}
