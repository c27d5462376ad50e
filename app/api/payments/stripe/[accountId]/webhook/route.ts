import { z } from 'zod';
import { receiveWebhook } from '@/domain/payments/webhook';
import { accountPaymentProvider } from '@/lib/payments/account-payments';
import { db } from '@/lib/db';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ accountId: string }> };

const answer = (status: number, body: object) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

// Stripe's events for one account, signed with that account's signing secret. Anything not signed with it is a 400
// and changes nothing; an event already acted on is answered 200 again, so that Stripe stops resending it.
export async function POST(request: Request, { params }: Context) {
  const { accountId } = await params;
  if (!z.uuid().safeParse(accountId).success) return answer(404, { error: 'unknown account' });
  const provider = await accountPaymentProvider(accountId, 'settle');
  if (provider.name !== 'stripe') return answer(404, { error: 'this account has no Stripe keys' });
  const payload = await request.text();
  const received = await receiveWebhook(db(), provider, { accountId, payload, signature: request.headers.get('stripe-signature') });
  // A saved card Stripe could not be asked about yet: not recorded, and Stripe sends the event again later.
  if (!received.ok && received.reason === 'retryLater') return answer(503, { error: 'try again later' });
  if (!received.ok) {
    log.warn({ accountId, reason: received.reason }, 'Stripe webhook refused');
    return answer(400, { error: received.reason === 'badSignature' ? 'invalid signature' : 'not an event' });
  }
  log.info({ accountId, outcome: received.value }, 'Stripe webhook received');
  return answer(200, { received: true, outcome: received.value });
}
