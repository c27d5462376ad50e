'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/action-result';
import { startChargingAction } from '../actions';

type CardOption = { id: string; label: string; idTag: string; kind: 'physical' | 'virtual' };

const selectClass = 'w-full rounded-lg border border-slate-300 bg-white py-2.5 pl-3 pr-8 text-base sm:text-sm';

export function StartForm({ chargerId, connectorIds, cards }: { chargerId: string; connectorIds: number[]; cards: CardOption[] }) {
  const t = useTranslations('ChargePage');
  const [state, action] = useActionState(startChargingAction, idle);
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
      {connectorIds.length === 1 ? (
        <input type="hidden" name="connectorId" value={connectorIds[0]} />
      ) : (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t('connector')}
          <select name="connectorId" className={selectClass}>
            {connectorIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      )}
      {cards.length === 1 ? (
        <input type="hidden" name="cardId" value={cards[0]!.id} />
      ) : (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t('card')}
          <select name="cardId" className={selectClass}>
            {cards.map((card) => (
              <option key={card.id} value={card.id}>
                {t('cardName', { label: card.label || card.idTag, kind: card.kind })}
              </option>
            ))}
          </select>
        </label>
      )}
      <SubmitButton label={t('start')} pendingLabel={t('starting')} className="w-full py-3 text-base" />
    </form>
  );
}
