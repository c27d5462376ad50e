import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/db/schema';
import { listIssuedStatements } from '@/domain/data/issued-statements';
import { canManageAccount } from '@/domain/people/roles';
import { statementFormat } from '@/domain/statements/format';
import { holderKey } from '@/domain/statements/holder';
import { dayBefore } from '@/domain/statements/period';
import { statementTranslator } from '@/domain/statements/messages';
import { getAccountTimeZone, readStatement } from '@/domain/statements/read-statement';
import { requireStatementAccess } from '@/lib/statements/access';
import { parsePeriodParams, periodQuery } from '@/lib/statements/period-params';
import { db } from '@/lib/db';
import { IssuedStatementRow } from '../_components/issued-statement-row';
import { describePaymentSettings } from '@/domain/payments/account-provider';
import { PeriodPicker } from '../_components/period-picker';
import { ReimbursementForm } from '../_components/reimbursement-form';
import { StatementSessionList } from '../_components/statement-session-list';

export async function generateMetadata() {
  return { title: (await getTranslations('StatementsPage'))('title') };
}

const monthTitle = (locale: string, periodStart: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${periodStart}T00:00:00Z`));

export default async function StatementPage({ params, searchParams }: PageProps<'/statements/[holder]'>) {
  const access = await requireStatementAccess((await params).holder);
  if (!access) notFound();
  const { member, holder } = access;
  const accountId = member.accountId;
  const query = Object.fromEntries(Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const timeZone = (await getAccountTimeZone(db(), { accountId })) ?? 'UTC';
  const choice = parsePeriodParams(query, { timeZone });
  const [t, locale, statement, issued, payments] = await Promise.all([
    getTranslations('StatementsPage'),
    getLocale(),
    readStatement(db(), { accountId, holder, period: choice.period }),
    listIssuedStatements(db(), { accountId, holder }),
    describePaymentSettings(db(), { accountId }),
  ]);
  if (!statement) notFound();
  const f = statementFormat(locale as Locale, timeZone);
  const tDocument = statementTranslator(locale as Locale);
  const canSettle = canManageAccount(member.role);
  // Online payment is the member's own step (an owner may still mark a transfer paid).
  const canPay = payments.method === 'stripe' && holder.userId === member.userId;
  // One per currency: a month the account changed currency in was issued as two.
  const thisMonthIssued = choice.month ? issued.filter((row) => row.periodStart === choice.period.from) : [];
  const downloads = `/statements/${holderKey(holder)}/statement`;
  const amounts = statement.totals.amounts.map(({ amount, currency }) => f.money(amount, currency)).join(' + ') || '—';
  return (
    <div className="flex flex-col gap-5">
      {canSettle && (
        <Link href="/statements" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
      )}
      <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{holder.userId ? t('holderTitle', { name: statement.holder.name }) : t('cardTitle', { name: statement.holder.name })}</h1>
      <PeriodPicker choice={choice} params={query} />
      <section className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="statement-totals">
        <div>
          <p className="text-sm text-slate-600">{choice.month ? monthTitle(locale, choice.period.from) : tDocument('period', { from: f.date(choice.period.from), to: f.date(dayBefore(choice.period.to)) })}</p>
          <p className="text-lg font-semibold">
            {t('total')}: {amounts}
          </p>
          <p className="text-sm text-slate-600">
            {t('sessions', { count: statement.totals.sessionCount })} · {t('energy')} {f.energy(statement.totals.energyWh)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`${downloads}.csv${periodQuery(choice)}`} className={buttonClasses('secondary')} download>
            {t('downloadCsv')}
          </a>
          <a href={`${downloads}.pdf${periodQuery(choice)}`} className={buttonClasses('secondary')} download>
            {t('downloadPdf')}
          </a>
        </div>
      </section>
      {choice.month ? (
        thisMonthIssued.length > 0 ? (
          thisMonthIssued.map((row) => <IssuedStatementRow key={row.id} statement={row} accountId={accountId} canSettle={canSettle} canPay={canPay} f={f} title={t('thisPeriod')} downloads={downloads} />)
        ) : (
          <p className="text-sm text-slate-600">{t('notIssuedYet')}</p>
        )
      ) : (
        <p className="text-sm text-slate-600">{t('rangeNote')}</p>
      )}
      {statement.sessions.length === 0 ? <p className="rounded-2xl border-2 border-dashed border-slate-300 bg-white px-6 py-8 text-center text-slate-600">{t('empty')}</p> : <StatementSessionList sessions={statement.sessions} t={tDocument} f={f} />}
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('issuedTitle')}</h2>
        {issued.length === 0 && <p className="text-sm text-slate-600">{t('issuedNone')}</p>}
        {issued.filter((row) => !thisMonthIssued.includes(row)).map((row) => (
          <IssuedStatementRow key={row.id} statement={row} accountId={accountId} canSettle={canSettle} canPay={canPay} f={f} title={monthTitle(locale, row.periodStart)} downloads={downloads} />
        ))}
      </section>
      {holder.userId === member.userId && <ReimbursementForm accountId={accountId} current={statement.holder.reimbursementEmail} />}
    </div>
  );
}
