import type { Executor } from '../../db/client';
import { deleteSavedCard, getPaymentCustomer, getSavedCard, savePaymentCustomer } from '../data/saved-cards';
import { failure, success, type Result } from '../data/result';
import type { PaymentProvider, ProviderFailure } from './provider';

type Member = { accountId: string; userId: string };
type StartCardSetupInput = Member & { email: string; name: string; returnUrls: { successUrl: string; cancelUrl: string } };

// The provider's customer for this member of this account, made the first time they save a card. The idempotency key
// makes two clicks at once one customer at the provider.
async function customerFor(db: Executor, provider: PaymentProvider, input: StartCardSetupInput): Promise<Result<string, ProviderFailure>> {
  if (provider.name === 'manual') return failure('paymentsManual');
  const known = await getPaymentCustomer(db, { ...input, provider: provider.name });
  if (known) return success(known);
  const made = await provider.createCustomer({
    email: input.email,
    name: input.name,
    metadata: { accountId: input.accountId, userId: input.userId },
    idempotencyKey: `chargewatch-customer-${input.accountId}-${input.userId}`,
  });
  if (!made.ok) return made;
  return success(await savePaymentCustomer(db, { ...input, provider: provider.name, providerCustomerId: made.value.customerId }));
}

// Opens the provider's page where a member saves a card for monthly settlement. The card is kept only when the
// provider's webhook says the setup completed (domain/payments/webhook.ts).
export async function startCardSetup(db: Executor, provider: PaymentProvider, input: StartCardSetupInput): Promise<Result<{ url: string }, ProviderFailure>> {
  const customer = await customerFor(db, provider, input);
  if (!customer.ok) return customer;
  const opened = await provider.openCardSetup({ customerId: customer.value, ...input.returnUrls });
  return opened.ok ? success({ url: opened.value.url }) : opened;
}

// Forgets the member's card at the provider, then here. The provider refusing, the card stays saved and the member is
// told why; one the provider no longer knows is forgotten here all the same, as is one of an account whose Stripe keys
// are gone (nothing is charged without them).
export async function removeSavedCard(db: Executor, provider: PaymentProvider, member: Member): Promise<Result<null, ProviderFailure | 'notFound'>> {
  const card = await getSavedCard(db, member);
  if (!card) return failure('notFound');
  const removed = provider.name === 'manual' ? success(null) : await provider.removeCard(card.providerPaymentMethodId);
  if (!removed.ok && removed.reason !== 'paymentProviderRefused') return removed;
  await deleteSavedCard(db, { ...member, providerPaymentMethodId: card.providerPaymentMethodId });
  return success(null);
}
