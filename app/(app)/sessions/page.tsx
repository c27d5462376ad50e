import Link from 'next/link';
import { getFormatter, getNow, getTimeZone, getTranslations } from 'next-intl/server';
import { LiveRefresh } from '@/components/live/live-refresh';
import { sessionView } from '@/components/sessions/session-view';
import { buttonClasses } from '@/components/ui/button';
import { ownSessionsOnly, requireCurrentMembership } from '@/lib/authz';
import { getSessionTotals, listSessionFilterOptions, listSessions } from '@/domain/data/sessions';
import { filtersQuery, hasFilters, parseSessionFilters } from '@/lib/sessions/filters';
import { Pagination } from './_components/pagination';
import { SessionFilterForm } from './_components/session-filters';
import { SessionList } from './_components/session-list';
import { SessionTotalsBar } from './_components/session-totals';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('SessionsPage'))('title') };
}

export default async function SessionsPage({ searchParams }: PageProps<'/sessions'>) {
  const member = await requireCurrentMembership();
  const onlyUserId = ownSessionsOnly(member);
  const filters = { ...parseSessionFilters(await searchParams), ...(onlyUserId ? { userId: onlyUserId } : {}) };
  const scope = { accountId: member.accountId, timeZone: await getTimeZone() };
  const [t, tFacts, format, now, { sessions, hasNext }, totals, options] = await Promise.all([
    getTranslations('SessionsPage'),
    getTranslations('SessionFacts'),
    getFormatter(),
    getNow(),
    listSessions(db(), { ...scope, filters }),
    getSessionTotals(db(), { ...scope, filters }),
    listSessionFilterOptions(db(), scope),
  ]);
  // A driver filters among their own: other people and their cards are not theirs to see.
  const shownOptions = onlyUserId
    ? { ...options, users: options.users.filter((user) => user.id === onlyUserId), cards: options.cards.filter((card) => card.userId === onlyUserId) }
    : options;
  const listed = sessions.map((session) => ({ id: session.id, view: sessionView(session, { t: tFacts, format, now }) }));
  return (
    <div className="flex flex-col gap-5">
      <LiveRefresh />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <div className="flex gap-2">
          {!onlyUserId && (
            <Link href="/sessions/tariff" className={buttonClasses('secondary')}>
              {t('tariff')}
            </Link>
          )}
          <a href={`/sessions/export.csv${filtersQuery(filters, { withPage: false })}`} className={buttonClasses('secondary')} download>
            {t('export')}
          </a>
        </div>
      </div>
      <SessionFilterForm filters={filters} options={shownOptions} />
      <SessionTotalsBar totals={totals} />
      {listed.length === 0 ? (
        <div className="rounded-2xl border-2 border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{hasFilters(filters) ? t('emptyFiltered') : t('emptyTitle')}</h2>
          {!hasFilters(filters) && <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{t('emptyBody')}</p>}
        </div>
      ) : (
        <SessionList sessions={listed} />
      )}
      <Pagination filters={filters} total={totals.count} hasNext={hasNext} />
    </div>
  );
}
