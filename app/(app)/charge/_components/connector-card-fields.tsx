'use client';

import { useTranslations } from 'next-intl';
import { useConnectorName } from '@/components/chargers/use-connector-name';
import type { EvseLabel } from '@/domain/data/connectors';

export type CardOption = { id: string; label: string; idTag: string; kind: 'physical' | 'virtual' };

// The EVSE of each connector that shares one with another, by connector (domain/data/connectors.ts).
export type EvseLabels = Record<number, EvseLabel>;

export const selectClass = 'w-full rounded-lg border border-slate-300 bg-white py-2.5 pl-3 pr-8 text-base sm:text-sm';

type ConnectorCardFieldsProps = { connectorIds: number[]; evses: EvseLabels; cards: CardOption[]; onConnectorChange?: (connectorId: number) => void };

// The connector and the user's own card a start or a reservation is for: a choice only where there is one.
export function ConnectorCardFields({ connectorIds, evses, cards, onConnectorChange }: ConnectorCardFieldsProps) {
  const t = useTranslations('ChargePage');
  const connectorName = useConnectorName();
  return (
    <>
      {connectorIds.length === 1 ? (
        <input type="hidden" name="connectorId" value={connectorIds[0]} />
      ) : (
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t('connector')}
          <select name="connectorId" className={selectClass} onChange={(event) => onConnectorChange?.(Number(event.target.value))}>
            {connectorIds.map((id) => (
              <option key={id} value={id}>
                {connectorName(id, evses[id])}
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
    </>
  );
}
