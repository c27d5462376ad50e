import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChargerCard } from '@/components/chargers/charger-card';
import { LiveRefresh } from '@/components/live/live-refresh';
import { buttonClasses } from '@/components/ui/button';
import { requireManagingMembership } from '@/lib/authz';
import { CHARGERS_PAGE_SIZE, listChargerPage } from '@/domain/data/chargers';
import { ChargerPagination } from './_components/charger-pagination';
import { chargersPageSchema } from './schemas';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('ChargersPage'))('title') };
}

export default async function ChargersPage({ searchParams }: PageProps<'/chargers'>) {
  const { page } = chargersPageSchema.parse(await searchParams);
  const member = await requireManagingMembership();
  const [t, { chargers, total }] = await Promise.all([getTranslations('ChargersPage'), listChargerPage(db(), { accountId: member.accountId, page })]);
  // A page past the end (an old link, chargers removed since) shows the last page rather than an empty list.
  const lastPage = Math.max(1, Math.ceil(total / CHARGERS_PAGE_SIZE));
  if (page > lastPage) redirect(lastPage > 1 ? `/chargers?page=${lastPage}` : '/chargers');
  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/chargers/meter-feed" className={buttonClasses('secondary')}>
            {t('meterFeed')}
          </Link>
          <Link href="/chargers/new" className={buttonClasses('primary')}>
            {t('add')}
          </Link>
        </div>
      </div>
      {total === 0 ? (
        <div className="rounded-2xl border-2 border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t('emptyBody')}</p>
          <Link href="/chargers/new" className={buttonClasses('primary', 'mt-6')}>
            {t('add')}
          </Link>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {chargers.map((charger) => (
            <ChargerCard key={charger.id} charger={charger} />
          ))}
        </ul>
      )}
      <ChargerPagination page={page} pages={lastPage} total={total} />
    </div>
  );
}
