import type { Executor } from '../../db/client';
import { getPaidPayment, getStatementForPayment, recordRefund } from '../data/payments';
import { failure, success, type Failure, type Result } from '../data/result';
import { toMinorUnits, fromMinorUnits } from './minor-units';
import type { PaymentProvider, ProviderFailure } from './provider';

export type RefundRefusal = ProviderFailure | 'notFound' | 'notRefundable';
// More than is left of the payment: the form says how much is.
export type RefundTooMuch = Failure<'refundTooMuch'> & { left: string; currency: string };

type RefundInput = { accountId: string; statementId: string; refundedBy: string; amount?: string };

// Gives back all or part of what is left of a statement's online payment, through the provider it was paid with, then
// records it; refunded in full, the payment and the statement become refunded. A statement settled by hand has no
// payment here to refund.
export async function refundStatement(
  db: Executor,
  provider: PaymentProvider,
  { accountId, statementId, refundedBy, amount }: RefundInput,
): Promise<Result<{ amount: string; currency: string }, RefundRefusal> | RefundTooMuch> {
  const statement = await getStatementForPayment(db, { accountId, statementId });
  if (!statement) return failure('notFound');
  const payment = statement.status === 'paid' ? await getPaidPayment(db, { accountId, statementId }) : null;
  if (!payment?.providerPaymentId || payment.provider !== provider.name) return failure('notRefundable');
  const refundedBefore = toMinorUnits(payment.refundedAmount);
  const leftMinor = toMinorUnits(payment.amount) - refundedBefore;
  const askedMinor = amount === undefined ? leftMinor : toMinorUnits(amount);
  if (leftMinor <= 0) return failure('notRefundable');
  if (askedMinor > leftMinor) return { ...failure('refundTooMuch'), left: fromMinorUnits(leftMinor), currency: payment.currency };
  const refunded = await provider.refund({ paymentId: payment.providerPaymentId, amountMinor: askedMinor });
  if (!refunded.ok) return refunded;
  const refundedTotal = fromMinorUnits(refundedBefore + refunded.value.amountMinor);
  if (!(await recordRefund(db, { accountId, paymentId: payment.id, refundId: refunded.value.refundId, refundedTotal, refundedBy }))) return failure('notRefundable');
  return success({ amount: fromMinorUnits(refunded.value.amountMinor), currency: payment.currency });
}
