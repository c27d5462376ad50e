'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { startChargingAction } from '../actions';
import { ReadyByFields } from '@/components/ready-by/ready-by-fields';
import type { CarChoice } from '@/domain/data/cars';
import { ConnectorCardFields, type CardOption, type EvseLabels } from './connector-card-fields';

// cars: null where no plan is taken (behind a circuit), so no "ready by" is offered.
type StartFormProps = { chargerId: string; connectorIds: number[]; evses: EvseLabels; cards: CardOption[]; cars: CarChoice[] | null };

export function StartForm({ chargerId, connectorIds, evses, cards, cars }: StartFormProps) {
  const tReadyBy = useTranslations('ReadyBy');
  const t = useTranslations('ChargePage');
  const [state, action] = useActionState(startChargingAction, idle);
  const [chosen, setConnectorId] = useState(connectorIds[0]);
  // The list follows the connectors' states live; a choice no longer offered falls back to what the select shows.
  const connectorId = chosen !== undefined && connectorIds.includes(chosen) ? chosen : connectorIds[0];
  const evse = connectorId === undefined ? undefined : evses[connectorId];
  const needsCard = state.status === 'error' && state.formError === 'noValidCard';
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="start-form">
      <input type="hidden" name="chargerId" value={chargerId} />
      {state.status === 'ok' && <Alert tone="success">{t('started')}</Alert>}
      <FormAlert state={state} />
      {needsCard && (
        <Link href="/cards/new" className="text-sm font-semibold text-brand-700 underline">
          {t('addCard')}
        </Link>
      )}
      <ConnectorCardFields connectorIds={connectorIds} evses={evses} cards={cards} onConnectorChange={setConnectorId} />
      {cars && (
        <details className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200" open={state.status === 'error' && state.values?.readyBy === 'on'}>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{tReadyBy('title')}</summary>
          <div className="mt-3 flex flex-col gap-3">
            <p className="text-sm text-slate-600">{tReadyBy('intro')}</p>
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" name="readyBy" defaultChecked={state.status === 'error' && state.values?.readyBy === 'on'} />
              {tReadyBy('startWithPlan')}
            </label>
            <ReadyByFields state={state} cars={cars} />
          </div>
        </details>
      )}
      <SubmitButton label={evse ? t('startOnEvse', { evse: evse.evseId, connector: evse.evseConnectorId }) : t('start', { connector: connectorId ?? '' })} pendingLabel={t('starting')} className="w-full py-3 text-base" />
    </form>
  );
}
