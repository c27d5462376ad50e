import type { Executor } from '../../db/client';
import { getPaidPayment, getStatementForPayment, recordRefund } from '../data/payments';
import { failure, success, type Result } from '../data/result';
import { toMinorUnits, fromMinorUnits } from './minor-units';
import type { PaymentProvider, ProviderFailure } from './provider';

export type RefundRefusal = ProviderFailure | 'notFound' | 'notRefundable';

// Gives back the whole of a statement's online payment through the provider it was paid with, then records it: the
// payment and the statement become refunded. A statement settled by hand has no payment here to refund.
export async function refundStatement(
  db: Executor,
  provider: PaymentProvider,
  { accountId, statementId, refundedBy }: { accountId: string; statementId: string; refundedBy: string },
): Promise<Result<{ amount: string; currency: string }, RefundRefusal>> {
  const statement = await getStatementForPayment(db, { accountId, statementId });
  if (!statement) return failure('notFound');
  const payment = statement.status === 'paid' ? await getPaidPayment(db, { accountId, statementId }) : null;
  if (!payment?.providerPaymentId || payment.provider !== provider.name) return failure('notRefundable');
  const refunded = await provider.refund({ paymentId: payment.providerPaymentId, amountMinor: toMinorUnits(payment.amount) });
  if (!refunded.ok) return refunded;
  const refundedAmount = fromMinorUnits(refunded.value.amountMinor);
  if (!(await recordRefund(db, { accountId, paymentId: payment.id, refundId: refunded.value.refundId, refundedAmount, refundedBy }))) return failure('notRefundable');
  return success({ amount: refundedAmount, currency: payment.currency });
}
