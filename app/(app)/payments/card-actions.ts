'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { removeSavedCard, startCardSetup } from '@/domain/payments/card-setup';
import { accountPaymentProvider } from '@/lib/payments/account-payments';
import { appUrl } from '@/lib/config';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { getSessionUser } from '@/lib/session';
import { savedCardSchema } from './schemas';

// A member saves a card for monthly settlement: the answer is the provider's page in setup mode, which the browser
// opens. The card is shown here once the provider's webhook says it was saved.
export const saveCardAction = memberAction<typeof savedCardSchema, { setupUrl: string }>(
  savedCardSchema,
  async ({ member }) => {
    const user = await getSessionUser();
    if (!user) return fail('forbidden');
    const provider = await accountPaymentProvider(member.accountId, 'checkout');
    const back = `${appUrl()}/payments?card=`;
    const started = await startCardSetup(db(), provider, {
      accountId: member.accountId,
      userId: user.id,
      email: user.email,
      name: user.name,
      returnUrls: { successUrl: `${back}saved`, cancelUrl: `${back}cancelled` },
    });
    if (!started.ok) return fail(started.reason);
    return ok({ setupUrl: started.value.url });
  },
  { permission: 'charge', onInvalid: 'notFound' },
);

// The member's own card only: forgotten by the provider, then here; their statements are no longer charged to it.
export const removeSavedCardAction = memberAction(
  savedCardSchema,
  async ({ member }) => {
    const provider = await accountPaymentProvider(member.accountId, 'settle');
    const removed = await removeSavedCard(db(), provider, { accountId: member.accountId, userId: member.userId });
    if (!removed.ok) return fail(removed.reason);
    revalidatePath('/payments');
    return ok(null);
  },
  { permission: 'charge', onInvalid: 'notFound' },
);
