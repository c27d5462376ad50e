import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LiveRefresh } from '@/components/live/live-refresh';
import { buttonClasses } from '@/components/ui/button';
import { requireManagingMembership } from '@/lib/authz';
import { getCardRules } from '@/domain/data/card-rules';
import { listCards } from '@/domain/data/cards';
import { listLocalListSyncs } from '@/domain/data/local-lists';
import { CardList } from './_components/card-list';
import { CardRules } from './_components/card-rules';
import { SyncPanel } from './_components/sync-panel';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('CardsPage'))('title') };
}

export default async function CardsPage() {
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId };
  const [t, cards, syncs, rules] = await Promise.all([getTranslations('CardsPage'), listCards(db(), scope), listLocalListSyncs(db(), scope), getCardRules(db(), scope)]);
  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <Link href="/cards/new" className={buttonClasses('primary')}>
          {t('add')}
        </Link>
      </div>
      {cards.length === 0 ? (
        <div className="rounded-2xl border-2 border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t('emptyBody')}</p>
          <Link href="/cards/new" className={buttonClasses('primary', 'mt-6')}>
            {t('add')}
          </Link>
        </div>
      ) : (
        <CardList cards={cards} />
      )}
      <CardRules accountId={member.accountId} isOneSessionPerCard={rules?.isOneSessionPerCard ?? false} />
      <SyncPanel accountId={member.accountId} syncs={syncs} />
    </div>
  );
}
