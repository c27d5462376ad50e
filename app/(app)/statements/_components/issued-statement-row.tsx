import { getTranslations } from 'next-intl/server';
import { CardChargeNote } from '@/components/payments/card-charge-note';
import { PayStatementButton } from '@/components/payments/pay-statement-button';
import { buttonClasses } from '@/components/ui/button';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { IssuedStatement } from '@/domain/data/issued-statements';
import type { StatementFormat } from '@/domain/statements/format';
import { markStatementPaidAction } from '../actions';

type RowProps = { statement: IssuedStatement; accountId: string; canSettle: boolean; canPay: boolean; f: StatementFormat; title: string; downloads: string };

// An issued statement: what is due, the reference a transfer carries, its state; an owner marks it paid, and its
// member pays it online where the account takes Stripe.
export async function IssuedStatementRow({ statement, accountId, canSettle, canPay, f, title, downloads }: RowProps) {
  // While the saved card is being charged there is nothing to pay here (a checkout would race the charge).
  const isPayable = canPay && statement.status === 'due' && statement.cardCharge !== 'pending' && statement.currency !== null && Number(statement.amount) > 0;
  const t = await getTranslations('StatementsPage');
  // Names the statement itself: a month charged in two currencies was issued as two, each its own download.
  const query = `?month=${statement.periodStart.slice(0, 7)}&statement=${statement.id}`;
  const reference = statement.transferReference;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`issued-${statement.periodStart}`}>
      <div className="min-w-0 text-sm">
        <p className="font-semibold">{title}</p>
        <p>
          {t('amountDue')}: <strong>{statement.currency ? f.money(statement.amount, statement.currency) : statement.amount}</strong>
        </p>
        <p className="break-all">
          {t('reference')}: <span className="font-mono">{statement.transferReference}</span>
        </p>
        <p data-testid="statement-status">
          {t('status', { status: statement.status })}
          {statement.paidAt ? ` · ${t('paidOn', { date: f.dateTime(statement.paidAt) })}` : ''}
        </p>
        {statement.status === 'due' && <CardChargeNote state={statement.cardCharge} />}
      </div>
      <div className="flex flex-wrap gap-2">
        <a href={`${downloads}.pdf${query}`} className={buttonClasses('secondary')} download>
          {t('issuedPdf', { reference })}
        </a>
        <a href={`${downloads}.csv${query}`} className={buttonClasses('secondary')} download>
          {t('issuedCsv', { reference })}
        </a>
      </div>
      {isPayable && <PayStatementButton accountId={accountId} statementId={statement.id} amount={f.money(statement.amount, statement.currency!)} />}
      {canSettle && statement.status === 'due' && (
        <ConfirmForm action={markStatementPaidAction} fields={{ accountId, statementId: statement.id }} label={t('markPaid')} confirm={t('markPaidConfirm')} done={t('markedPaid')} />
      )}
    </div>
  );
}
