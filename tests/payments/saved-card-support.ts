import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { savedCards } from '@/db/schema';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import type { StripeWorld } from './stripe-support';

type Member = { id: string };

// The member saves a card as in the browser: Save a card, then the stub's setup page with a Stripe test card number,
// whose Save sends the signed checkout.session.completed. Answers the setup session and where the page went back to.
export async function saveCardThroughStub(world: StripeWorld, { accountId, member, number = '4242 4242 4242 4242' }: { accountId: string; member: Member; number?: string }) {
  const { saveCardAction } = await import('@/app/(app)/payments/card-actions');
  signInAs(member);
  const result = await saveCardAction({ status: 'idle' }, formData({ accountId }));
  if (result.status !== 'ok') throw new Error(`no card setup: ${JSON.stringify(result)}`);
  const { setupUrl } = result.data;
  const response = await fetch(setupUrl, { method: 'POST', body: new URLSearchParams({ card: number }), redirect: 'manual' });
  return { session: world.stub.sessions.get(setupUrl.split('/').at(-1)!)!, status: response.status, location: response.headers.get('location') };
}

export const savedCardsOf = (db: Database, userId: string) => db.select().from(savedCards).where(eq(savedCards.userId, userId));
