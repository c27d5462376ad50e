import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { RefundStatementForm } from '@/components/payments/refund-statement-form';
import { fromMinorUnits, toMinorUnits } from '@/domain/payments/minor-units';
import { listPayments } from '@/domain/data/payments';
import { db } from '@/lib/db';
import { moneyFormatter } from './money';

// For owners and co-owners: what members paid online, newest first, each paid one with its Refund.
export async function PaymentsReceived({ accountId }: { accountId: string }) {
  const [t, format, payments] = await Promise.all([getTranslations('PaymentsPage'), getFormatter(), listPayments(db(), { accountId })]);
  const money = moneyFormatter(format);
  return (
    <Card>
      <h2 className="mb-4 font-semibold">{t('receivedTitle')}</h2>
      {payments.length === 0 && <p className="text-sm text-slate-600">{t('noPayments')}</p>}
      <ul className="divide-y divide-slate-100">
        {payments.map((payment) => {
          const amount = money(payment.amount, payment.currency);
          const left = fromMinorUnits(toMinorUnits(payment.amount) - toMinorUnits(payment.refundedAmount));
          return (
            <li key={payment.id} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between" data-testid={`payment-${payment.statementId}`}>
              <div>
                <p className="font-medium">{t('paymentLine', { name: payment.payerName ?? t('someone'), month: money.month(payment.periodStart), amount })}</p>
                <p className="mt-1 text-sm text-slate-600">
                  {t('status', { status: payment.via === 'savedCard' && payment.status === 'pending' ? 'charging' : payment.status })}
                  {payment.paidAt && ` · ${format.dateTime(payment.refundedAt ?? payment.paidAt, { dateStyle: 'medium', timeStyle: 'short' })}`}
                </p>
                {payment.status === 'paid' && left !== payment.amount && (
                  <p className="mt-1 text-sm text-slate-600">{t('partlyRefunded', { refunded: money(payment.refundedAmount, payment.currency), amount })}</p>
                )}
              </div>
              {payment.status === 'paid' && <RefundStatementForm accountId={accountId} statementId={payment.statementId} left={left} currency={payment.currency} />}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
