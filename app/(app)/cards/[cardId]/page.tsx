import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getNow, getTimeZone, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CardStatusBadge } from '@/components/cards/card-status-badge';
import { Alert } from '@/components/ui/alert';
import { requireManagingMembership } from '@/lib/authz';
import { cardState } from '@/domain/cards/card-state';
import { dayOf } from '@/domain/cards/expiry';
import { getCard } from '@/domain/data/cards';
import { listAccountUsers } from '@/domain/data/memberships';
import { CardFacts } from '../_components/card-facts';
import { CardAccessCard, DeleteCardCard, EditCardForm, type EditableCard } from '../_components/card-settings';
import { db } from '@/lib/db';

export default async function CardPage({ params }: PageProps<'/cards/[cardId]'>) {
  const cardId = z.uuid().safeParse((await params).cardId);
  if (!cardId.success) notFound();
  const member = await requireManagingMembership();
  const card = await getCard(db(), { accountId: member.accountId, cardId: cardId.data });
  if (!card) notFound();
  const [t, tList, now, timeZone, users] = await Promise.all([
    getTranslations('CardDetail'),
    getTranslations('CardsPage'),
    getNow(),
    getTimeZone(),
    listAccountUsers(db(), { accountId: member.accountId }),
  ]);
  const state = cardState(card, now);
  const displayName = card.label || tList('noLabel');
  const editable: EditableCard = { ...card, displayName, expiresOn: card.expiresAt ? dayOf(card.expiresAt, timeZone) : '' };

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/cards" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{displayName}</h1>
          <CardStatusBadge state={state} />
        </div>
        <p className="mt-1 font-mono text-sm text-slate-500" data-testid="card-id-tag">
          {card.idTag}
        </p>
      </div>
      {card.isCharging && (
        <div data-testid="card-charging-notice">
          <Alert tone="info">{t(state === 'blocked' ? 'blockedChargingNotice' : 'chargingNotice')}</Alert>
        </div>
      )}
      {/* Block/unblock comes right after the facts on a phone: it is what an owner who lost a card is here for. */}
      <div className="grid gap-6 lg:grid-cols-3 lg:items-start">
        <div className="lg:col-span-2">
          <CardFacts card={card} />
        </div>
        <CardAccessCard card={editable} />
        <div className="lg:col-span-2">
          <EditCardForm card={editable} users={users} />
        </div>
        <DeleteCardCard card={editable} />
      </div>
    </div>
  );
}
