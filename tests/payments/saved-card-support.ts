import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { savedCards } from '@/db/schema';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { createLogger } from '@/ocpp-server/src/logger';
import { startStatementSweep } from '@/ocpp-server/src/statements/statement-sweep';
import { stripeAccount } from './stripe-account';
import type { StripeWorld } from './stripe-support';

const silent = createLogger('silent');
// Before any month the tests' data has: the sweep issues nothing of its own here, it only charges and tells.
const LONG_AGO = () => new Date('2000-01-01T00:00:00Z');

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

// A Stripe stub shared by a file's tests, each test's driver in an account of its own (the sweep charges every due
// statement it finds) with a card saved; `sweep` runs the OCPP server's statement sweep once and waits for its webhooks.
export function cardSweepWorld(db: Database, keyPrefix: string) {
  let world: StripeWorld | undefined;
  let accountNumber = 0;
  const key = () => `${keyPrefix}${String(accountNumber).padStart(2, '0')}`;
  const opened = () => {
    if (!world) throw new Error('cardSweepWorld not started');
    return world;
  };
  return {
    world: opened,
    start: async () => void ({ world } = await stripeAccount(db, key())),
    close: () => opened().close(),
    async driverWithCard(card = '4242 4242 4242 4242') {
      accountNumber += 1;
      const { people } = await stripeAccount(db, key(), opened());
      await saveCardThroughStub(opened(), { accountId: people.account.id, member: people.driver, number: card });
      return people;
    },
    async sweep() {
      await startStatementSweep({ db, log: silent, everyMs: 3_600_000, authSecret: process.env.AUTH_SECRET!, now: LONG_AGO }).run();
      await opened().stub.settled();
    },
    intentsFor: (statementId: string) => [...opened().stub.cards.intents.values()].filter((intent) => (intent.body.metadata as Record<string, string>).statementId === statementId),
  };
}
