import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CardStatusBadge } from '@/components/cards/card-status-badge';
import { cardState } from '@/domain/cards/card-state';
import type { CardRow } from '@/domain/data/cards';

const GRID = 'lg:grid lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.4fr)_minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1.6fr)] lg:gap-4';

// One markup for phone and desktop: on a phone each card is a block with labelled values, on desktop a grid row
// whose labels are read by screen readers only.
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline justify-between gap-3 text-sm lg:block">
      <span className="shrink-0 text-slate-500 lg:sr-only">{label}</span>
      <span className="min-w-0 text-right text-slate-700 lg:text-left">{children}</span>
    </div>
  );
}

export function CardList({ cards }: { cards: CardRow[] }) {
  const t = useTranslations('CardsPage');
  const tKind = useTranslations('CardKind');
  const format = useFormatter();
  const now = useNow();
  const columns = ['columnCard', 'columnKind', 'columnUser', 'columnStatus', 'columnExpires', 'columnLastUsed'] as const;
  return (
    <div className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className={`hidden border-b border-slate-200 px-5 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 ${GRID}`} aria-hidden>
        {columns.map((column) => (
          <span key={column}>{t(column)}</span>
        ))}
      </div>
      <ul className="divide-y divide-slate-100">
        {cards.map((card) => {
          const state = cardState(card, now);
          const name = card.label || t('noLabel');
          return (
            <li key={card.id} data-testid="card-row" data-id-tag={card.idTag} className={`flex flex-col gap-2 px-5 py-4 lg:items-center ${GRID}`}>
              <div className="min-w-0">
                <Link href={`/cards/${card.id}`} className="font-semibold text-slate-900 hover:text-brand-700 hover:underline" aria-label={t('open', { name })}>
                  {name}
                </Link>
                <p className="truncate font-mono text-xs text-slate-500">{card.idTag}</p>
              </div>
              <Cell label={t('columnKind')}>{tKind(card.kind)}</Cell>
              <Cell label={t('columnUser')}>
                {card.userName ?? <span className="text-slate-500">{t('noUser')}</span>}
                {card.hasUserLeft && <span className="block text-xs font-medium text-red-700">{t('userLeft')}</span>}
              </Cell>
              <Cell label={t('columnStatus')}>
                <span className="inline-flex flex-col items-end gap-1 lg:items-start">
                  <CardStatusBadge state={state} />
                  {card.isCharging && (
                    <span className="text-xs font-medium text-blue-800" data-testid="card-charging">
                      {state === 'blocked' ? t('blockedCharging') : t('chargingNow')}
                    </span>
                  )}
                </span>
              </Cell>
              <Cell label={t('columnExpires')}>{card.expiresAt ? format.dateTime(card.expiresAt, { dateStyle: 'medium' }) : t('noExpiry')}</Cell>
              <Cell label={t('columnLastUsed')}>
                {card.lastUsedAt
                  ? t('lastUsed', { time: format.relativeTime(card.lastUsedAt, now), charger: card.lastUsedChargerName ?? '—' })
                  : <span className="text-slate-500">{t('neverUsed')}</span>}
              </Cell>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
