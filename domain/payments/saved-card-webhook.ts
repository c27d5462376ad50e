import type { Executor } from '../../db/client';
import type { PaymentProviderName } from '../../db/schema';
import { getCustomerMember, putSavedCard } from '../data/saved-cards';
import type { CardOnFile } from './provider';

// Keeps the card a member saved, when its customer is one this account made for a member (the event signed for this
// account, yet naming another account's customer, saves nothing). Answers the card it replaced, or null; false when
// nothing was kept.
export async function keepSavedCard(db: Executor, { accountId, provider, card }: { accountId: string; provider: PaymentProviderName; card: CardOnFile }) {
  const userId = await getCustomerMember(db, { accountId, provider, providerCustomerId: card.customerId });
  if (!userId) return false;
  const { customerId, paymentMethodId, ...shown } = card;
  const { replaced } = await putSavedCard(db, { accountId, userId, provider, providerCustomerId: customerId, providerPaymentMethodId: paymentMethodId, ...shown });
  return { replaced };
}
