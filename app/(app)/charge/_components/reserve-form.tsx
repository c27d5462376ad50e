'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { FieldErrors } from '@/components/ui/field-errors';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { RESERVATION_MINUTES } from '@/domain/reservations/minutes';
import { idle } from '@/lib/action-result';
import { reserveConnectorAction } from '../actions';
import { ConnectorCardFields, selectClass, type CardOption, type EvseLabels } from './connector-card-fields';

// Folded away under its title: starting is what most visits come for.
export function ReserveForm({ chargerId, connectorIds, evses, cards }: { chargerId: string; connectorIds: number[]; evses: EvseLabels; cards: CardOption[] }) {
  const t = useTranslations('ChargePage');
  const [state, action] = useActionState(reserveConnectorAction, idle);
  const errorsId = useId();
  const minutesErrors = state.status === 'error' ? state.fieldErrors?.minutes : undefined;
  return (
    <details className="rounded-xl ring-1 ring-slate-200" data-testid="reserve">
      <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-brand-700">{t('reserveTitle')}</summary>
      <form action={action} className="flex flex-col gap-3 px-4 pb-4">
        <input type="hidden" name="chargerId" value={chargerId} />
        {state.status === 'ok' && <Alert tone="success">{t('reservedOk')}</Alert>}
        <FormAlert state={state} />
        <ConnectorCardFields connectorIds={connectorIds} evses={evses} cards={cards} />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t('reserveFor')}
          <select name="minutes" defaultValue={30} className={selectClass} aria-describedby={errorsId}>
            {RESERVATION_MINUTES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('reserveMinutes', { minutes })}
              </option>
            ))}
          </select>
        </label>
        <FieldErrors id={errorsId} errors={minutesErrors} />
        <SubmitButton label={t('reserve')} pendingLabel={t('reserving')} variant="secondary" className="w-full py-3 text-base" />
      </form>
    </details>
  );
}
