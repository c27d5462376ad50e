import type { Executor } from '../../db/client';
import { hasChargeInFlight, lockStatement } from '../data/card-charges';
import { createPayment, getPendingPayment, getStatementForPayment, markCheckoutExpired } from '../data/payments';
import { failure, success, type Result } from '../data/result';
import { toMinorUnits } from './minor-units';
import type { CheckoutState, PaymentProvider, ProviderFailure } from './provider';

type StartCheckoutInput = {
  accountId: string;
  statementId: string;
  payer: { userId: string; email: string; mayPayForOthers: boolean };
  description: string;
  returnUrls: { successUrl: string; cancelUrl: string };
};

type OnlineProvider = PaymentProvider & { name: Exclude<PaymentProvider['name'], 'manual'> };
const isOnline = (provider: PaymentProvider): provider is OnlineProvider => provider.name !== 'manual';

export type CheckoutRefusal = ProviderFailure | 'notFound' | 'statementNotDue' | 'nothingToPay' | 'statementPaymentConfirming' | 'statementChargingSavedCard';

// Opens a checkout for an issued statement still due, for its member (or an owner paying on their behalf), and
// records it as a pending payment. The statement is paid only when the provider's webhook says so. The statement's
// row stays locked until the checkout is recorded, as the saved-card charge of the monthly sweep locks it too: of a
// checkout and that charge, whichever comes second sees the first and stands back.
export async function startCheckout(db: Executor, provider: PaymentProvider, input: StartCheckoutInput): Promise<Result<{ url: string }, CheckoutRefusal>> {
  return db.transaction(async (tx) => {
    await lockStatement(tx, input);
    return checkoutLocked(tx, provider, input);
  });
}

async function checkoutLocked(db: Executor, provider: PaymentProvider, input: StartCheckoutInput): Promise<Result<{ url: string }, CheckoutRefusal>> {
  const statement = await getStatementForPayment(db, input);
  if (!statement || (statement.holderUserId !== input.payer.userId && !input.payer.mayPayForOthers)) return failure('notFound');
  if (statement.status !== 'due') return failure('statementNotDue');
  const amountMinor = toMinorUnits(statement.amount);
  if (!statement.currency || amountMinor === 0) return failure('nothingToPay');
  if (!isOnline(provider)) return failure('paymentsManual');
  if (await hasChargeInFlight(db, { accountId: input.accountId, statementId: statement.id })) return failure('statementChargingSavedCard');
  const earlier = await earlierCheckout(db, provider, { accountId: input.accountId, statementId: statement.id });
  if (!earlier.ok) return earlier;
  if (earlier.value?.state === 'open') return success({ url: earlier.value.url });
  if (earlier.value?.state === 'paid') return failure('statementPaymentConfirming');
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

// Pay pressed again (another tab, the back button, a second phone): a checkout still open is the one to go back to, and
// one already paid, whose webhook has not arrived yet, must not be paid a second time. A closed one is let go.
async function earlierCheckout(
  db: Executor,
  provider: OnlineProvider,
  { accountId, statementId }: { accountId: string; statementId: string },
): Promise<Result<CheckoutState | null, ProviderFailure>> {
  const pending = await getPendingPayment(db, { accountId, statementId, provider: provider.name });
  if (!pending?.providerCheckoutId) return success(null);
  const read = await provider.readCheckout(pending.providerCheckoutId);
  if (read.ok && read.value.state === 'closed') await markCheckoutExpired(db, { accountId, provider: provider.name, checkoutId: pending.providerCheckoutId });
  return read;
}
