import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { CardRow } from '@/domain/data/cards';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function CardFacts({ card }: { card: CardRow }) {
  const t = useTranslations('CardDetail');
  const tList = useTranslations('CardsPage');
  const tKind = useTranslations('CardKind');
  const format = useFormatter();
  return (
    <Card>
      <dl className="grid gap-4 sm:grid-cols-2">
        <Fact label={t('kind')}>{tKind(card.kind)}</Fact>
        <Fact label={t('user')}>
          {card.userName ?? tList('noUser')}
          {card.hasUserLeft && <span className="block text-xs font-medium text-red-700">{tList('userLeft')}</span>}
        </Fact>
        <Fact label={t('expires')}>{card.expiresAt ? format.dateTime(card.expiresAt, { dateStyle: 'long' }) : t('noExpiry')}</Fact>
        <Fact label={t('lastUsed')}>
          {card.lastUsedAt
            ? tList('lastUsed', { time: format.dateTime(card.lastUsedAt, { dateStyle: 'medium', timeStyle: 'short' }), charger: card.lastUsedChargerName ?? '—' })
            : tList('neverUsed')}
        </Fact>
        <Fact label={t('added')}>{format.dateTime(card.createdAt, { dateStyle: 'medium' })}</Fact>
      </dl>
      {card.kind === 'virtual' && <p className="mt-4 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600">{t('virtualNote')}</p>}
    </Card>
  );
}
