import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PayStatementButton } from '@/components/payments/pay-statement-button';
import { canManageAccount } from '@/domain/people/roles';
import { listDueStatementsOf } from '@/domain/data/payments';
import { describePaymentSettings } from '@/domain/payments/account-provider';
import { requireCurrentMembership } from '@/lib/authz';
import { db } from '@/lib/db';
import { CardChargeNote } from '@/components/payments/card-charge-note';
import { PaymentsReceived } from './_components/payments-received';
import { SavedCardPanel } from './_components/saved-card-panel';
import { moneyFormatter } from './_components/money';

export async function generateMetadata() {
  return { title: (await getTranslations('PaymentsPage'))('title') };
}

export default async function PaymentsPage({ searchParams }: PageProps<'/payments'>) {
  const member = await requireCurrentMembership();
  const query = await searchParams;
  const scope = { accountId: member.accountId };
  const [t, format, settings, due] = await Promise.all([
    getTranslations('PaymentsPage'),
    getFormatter(),
    describePaymentSettings(db(), scope),
    listDueStatementsOf(db(), { ...scope, userId: member.userId }),
  ]);
  const money = moneyFormatter(format);
  const isManaging = canManageAccount(member.role);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t('intro')}</p>
        {isManaging && (
          <Link href="/payments/settings" className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t('settingsLink')} →
          </Link>
        )}
      </div>
      {query.paid === '1' && <Alert tone="success">{t('paidNotice')}</Alert>}
      {query.cancelled === '1' && <Alert tone="info">{t('cancelledNotice')}</Alert>}
      <Card>
        <h2 className="mb-4 font-semibold">{t('toPayTitle')}</h2>
        {due.length === 0 && <p className="text-sm text-slate-600">{t('nothingDue')}</p>}
        <ul className="divide-y divide-slate-100">
          {due.map((statement) => {
            const amount = money(statement.amount, statement.currency);
            return (
              <li key={statement.id} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between" data-testid={`due-${statement.id}`}>
                <div>
                  <p className="font-medium">{t('statementLine', { month: money.month(statement.periodStart), amount })}</p>
                  {settings.method === 'manual' && <p className="mt-1 text-sm text-slate-600">{t('transferHint', { reference: statement.transferReference })}</p>}
                  <CardChargeNote state={statement.cardCharge} />
                </div>
                {settings.method === 'stripe' && statement.cardCharge !== 'pending' && <PayStatementButton accountId={member.accountId} statementId={statement.id} amount={amount} />}
              </li>
            );
          })}
        </ul>
      </Card>
      {settings.method === 'stripe' && <SavedCardPanel accountId={member.accountId} userId={member.userId} returned={typeof query.card === 'string' ? query.card : undefined} />}
      {isManaging && <PaymentsReceived accountId={member.accountId} />}
    </div>
  );
}
