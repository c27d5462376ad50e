'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { cancelReservationAction } from '../actions';

export function CancelReservationForm({ reservationId }: { reservationId: number }) {
  const t = useTranslations('ChargePage');
  const [state, action] = useActionState(cancelReservationAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="reservationId" value={reservationId} />
      {state.status === 'ok' && <Alert tone="info">{t('reservationCancelled')}</Alert>}
      <FormAlert state={state} />
      <SubmitButton label={t('cancelReservation')} pendingLabel={t('cancellingReservation')} variant="secondary" />
    </form>
  );
}
