import type { Executor } from '../../db/client';
import { createPayment, getStatementForPayment } from '../data/payments';
import { failure, success, type Result } from '../data/result';
import { toMinorUnits } from './minor-units';
import type { PaymentProvider, ProviderFailure } from './provider';

type StartCheckoutInput = {
  accountId: string;
  statementId: string;
  payer: { userId: string; email: string; mayPayForOthers: boolean };
  description: string;
  returnUrls: { successUrl: string; cancelUrl: string };
};

export type CheckoutRefusal = ProviderFailure | 'notFound' | 'statementNotDue' | 'nothingToPay';

// Opens a checkout for an issued statement still due, for its member (or an owner paying on their behalf), and
// records it as a pending payment. The statement is paid only when the provider's webhook says so.
export async function startCheckout(db: Executor, provider: PaymentProvider, input: StartCheckoutInput): Promise<Result<{ url: string }, CheckoutRefusal>> {
  const statement = await getStatementForPayment(db, input);
  if (!statement || (statement.holderUserId !== input.payer.userId && !input.payer.mayPayForOthers)) return failure('notFound');
  if (statement.status !== 'due') return failure('statementNotDue');
  const amountMinor = toMinorUnits(statement.amount);
  if (!statement.currency || amountMinor === 0) return failure('nothingToPay');
  if (provider.name === 'manual') return failure('paymentsManual');
  const opened = await provider.openCheckout({
    statementId: statement.id,
    amountMinor,
    currency: statement.currency,
    description: input.description,
    customerEmail: input.payer.email,
    ...input.returnUrls,
  });
  if (!opened.ok) return opened;
  await createPayment(db, {
    accountId: input.accountId,
    statementId: statement.id,
    provider: provider.name,
    providerCheckoutId: opened.value.checkoutId,
    amount: statement.amount,
    currency: statement.currency,
    startedBy: input.payer.userId,
  });
  return success({ url: opened.value.url });
}
