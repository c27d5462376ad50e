import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { paymentCustomers, savedCards, type PaymentProviderName } from '../../db/schema';

type Member = { accountId: string; userId: string };

export async function getPaymentCustomer(db: Executor, { accountId, userId, provider }: Member & { provider: PaymentProviderName }) {
  const [row] = await db
    .select({ providerCustomerId: paymentCustomers.providerCustomerId })
    .from(paymentCustomers)
    .where(and(eq(paymentCustomers.accountId, accountId), eq(paymentCustomers.userId, userId), eq(paymentCustomers.provider, provider)));
  return row?.providerCustomerId ?? null;
}

// Two tabs creating the member's customer at once: the first one stored stays, and both go on with it.
export async function savePaymentCustomer(db: Executor, input: Member & { provider: PaymentProviderName; providerCustomerId: string }) {
  await db.insert(paymentCustomers).values(input).onConflictDoNothing();
  return (await getPaymentCustomer(db, input))!;
}

// The member a provider's customer stands for, in this account only: a customer of another account is no one here.
export async function getCustomerMember(db: Executor, { accountId, provider, providerCustomerId }: { accountId: string; provider: PaymentProviderName; providerCustomerId: string }) {
  const [row] = await db
    .select({ userId: paymentCustomers.userId })
    .from(paymentCustomers)
    .where(and(eq(paymentCustomers.accountId, accountId), eq(paymentCustomers.provider, provider), eq(paymentCustomers.providerCustomerId, providerCustomerId)));
  return row?.userId ?? null;
}

export async function getSavedCard(db: Executor, { accountId, userId }: Member) {
  const [row] = await db
    .select({
      provider: savedCards.provider,
      providerPaymentMethodId: savedCards.providerPaymentMethodId,
      brand: savedCards.brand,
      last4: savedCards.last4,
      expMonth: savedCards.expMonth,
      expYear: savedCards.expYear,
    })
    .from(savedCards)
    .where(and(eq(savedCards.accountId, accountId), eq(savedCards.userId, userId)));
  return row ?? null;
}

type NewSavedCard = Member & { provider: PaymentProviderName; providerCustomerId: string; providerPaymentMethodId: string; brand: string; last4: string; expMonth: number; expYear: number };

// Saving a card replaces the one saved before; the answer names that one's payment method, for the provider to forget.
export async function putSavedCard(db: Executor, card: NewSavedCard): Promise<{ replaced: string | null }> {
  const before = await getSavedCard(db, card);
  const { provider, providerCustomerId, providerPaymentMethodId, brand, last4, expMonth, expYear } = card;
  await db
    .insert(savedCards)
    .values(card)
    .onConflictDoUpdate({ target: [savedCards.accountId, savedCards.userId], set: { provider, providerCustomerId, providerPaymentMethodId, brand, last4, expMonth, expYear } });
  return { replaced: before && before.providerPaymentMethodId !== providerPaymentMethodId ? before.providerPaymentMethodId : null };
}

export async function deleteSavedCard(db: Executor, { accountId, userId, providerPaymentMethodId }: Member & { providerPaymentMethodId: string }) {
  await db.delete(savedCards).where(and(eq(savedCards.accountId, accountId), eq(savedCards.userId, userId), eq(savedCards.providerPaymentMethodId, providerPaymentMethodId)));
}
