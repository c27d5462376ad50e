import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/db/schema';
import { listBalances } from '@/domain/data/issued-statements';
import { listAccountHolders } from '@/domain/data/statement-holders';
import { canManageAccount } from '@/domain/people/roles';
import { statementFormat } from '@/domain/statements/format';
import { holderKey } from '@/domain/statements/holder';
import { getAccountTimeZone } from '@/domain/statements/read-statement';
import { requireCurrentMembership } from '@/lib/authz';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('StatementsPage'))('title') };
}

// Who owes what: for an owner or co-owner every member's and card's balance; a driver or guest goes to their own.
export default async function StatementsPage() {
  const member = await requireCurrentMembership();
  if (!canManageAccount(member.role)) redirect(`/statements/${holderKey({ userId: member.userId })}`);
  const scope = { accountId: member.accountId };
  const [t, locale, holders, balances, timeZone] = await Promise.all([
    getTranslations('StatementsPage'),
    getLocale(),
    listAccountHolders(db(), scope),
    listBalances(db(), scope),
    getAccountTimeZone(db(), scope),
  ]);
  const f = statementFormat(locale as Locale, timeZone ?? 'UTC');
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t('intro', { zone: timeZone ?? 'UTC' })}</p>
      </div>
      <ul className="flex flex-col gap-3" data-testid="balances">
        {holders.map((holder) => {
          const key = holder.userId ? holderKey({ userId: holder.userId }) : holderKey({ cardId: holder.cardId! });
          const owed = balances.filter((b) => (holder.userId ? b.userId === holder.userId : b.cardId === holder.cardId));
          const dueCount = owed.reduce((total, b) => total + b.dueCount, 0);
          return (
            <li key={key} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`balance-${key}`}>
              <div className="min-w-0">
                <p className="truncate font-semibold">{holder.name}</p>
                <p className="truncate text-sm text-slate-600">
                  {holder.userId ? t('member') : t('card')}
                  {holder.detail ? ` · ${holder.detail}` : ''}
                </p>
              </div>
              <div className="flex items-center gap-4">
                <p className="text-right text-sm">
                  <span className="block font-semibold">
                    {owed.length === 0 ? t('nothingDue') : owed.map((b) => (b.currency ? f.money(b.due, b.currency) : b.due)).join(' + ')}
                  </span>
                  {dueCount > 0 && <span className="text-slate-600">{t('dueCount', { count: dueCount })}</span>}
                </p>
                <Link href={`/statements/${key}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {t('open')}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
