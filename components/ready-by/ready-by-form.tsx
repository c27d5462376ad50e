'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setReadyByAction } from '@/app/actions/ready-by';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import type { CarChoice } from '@/domain/data/cars';
import { ReadyByFields } from './ready-by-fields';

export function ReadyByForm({ transactionId, cars, hasPlan }: { transactionId: number; cars: CarChoice[]; hasPlan: boolean }) {
  const t = useTranslations('ReadyBy');
  const [state, action] = useActionState(setReadyByAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="ready-by-form" noValidate>
      <input type="hidden" name="transactionId" value={transactionId} />
      {state.status === 'ok' && <Alert tone="success">{t('planned')}</Alert>}
      <FormAlert state={state} />
      <ReadyByFields state={state} cars={cars} />
      <SubmitButton label={t(hasPlan ? 'replan' : 'plan')} pendingLabel={t('planning')} />
    </form>
  );
}
