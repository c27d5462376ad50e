import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { cardApi } from './card-api';
import { cardStore } from './card-store';
import { parseStripeForm, pick } from './form-body';
import { hostedCheckoutPage } from './hosted-page';
import { newSession, publicSession, stubId, type StubError, type StubSession } from './sessions';
import { testCard } from './test-cards';

// Stripe takes the key as a bearer token (the SDK) or as the user name of basic auth (curl -u sk_…:).
function keyOf(authorization: string): string {
  const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
  if (bearer) return bearer;
  const basic = /^Basic (.+)$/.exec(authorization)?.[1];
  return basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0]! : '';
}

export type WebhookEndpoint = { url: string; secret: string };
export type DeliveredEvent = { endpoint: string; eventId: string; type: string; status: number };

// A local stand-in for api.stripe.com and its hosted checkout, for the tests and for a laptop (STRIPE_API_BASE):
// checkout sessions (payment and setup mode), refunds, webhook endpoints, customers, setup intents, payment methods and
// off-session payment intents with Stripe's test cards, form-encoded as the SDK sends them, with Stripe's error shape.
// The Pay (or Save card) button of its checkout page completes the session and sends the signed
// checkout.session.completed webhook to the endpoints registered under the session's key.
export async function startStripeStub({ port = 0, acceptKey = (key: string) => /^(sk|rk)_test_\w+$/.test(key) } = {}) {
  const sessions = new Map<string, StubSession>();
  const endpoints = new Map<string, WebhookEndpoint[]>();
  const delivered: DeliveredEvent[] = [];
  const events = new Map<string, { secretKey: string; payload: string; type: string }>();
  const signer = new Stripe('sk_test_stub_signer');
  const cards = cardStore();
  // Events sent after the answer that caused them, as Stripe sends them; `settled()` waits for them.
  const sending = new Set<Promise<void>>();
  let base = '';

  const registerEndpoint = (secretKey: string, endpoint: WebhookEndpoint) => endpoints.set(secretKey, [...(endpoints.get(secretKey) ?? []), endpoint]);

  async function deliver(eventId: string, { secretOverride }: { secretOverride?: string } = {}) {
    const event = events.get(eventId)!;
    for (const endpoint of endpoints.get(event.secretKey) ?? []) {
      const signature = signer.webhooks.generateTestHeaderString({ payload: event.payload, secret: secretOverride ?? endpoint.secret });
      const response = await fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: event.payload }).catch(() => null);
      delivered.push({ endpoint: endpoint.url, eventId, type: event.type, status: response?.status ?? 0 });
    }
  }

  function emit(session: { secretKey: string }, type: string, object: object = publicSession(session as StubSession)): string {
    const id = stubId('evt');
    const payload = JSON.stringify({ id, object: 'event', type, api_version: null, created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: null, data: { object } }, null, 2);
    events.set(id, { secretKey: session.secretKey, payload, type });
    return id;
  }

  const cardRoutes = cardApi(cards, (secretKey, type, object) => {
    const eventId = emit({ secretKey }, type, object);
    const sent = new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(eventId));
    sending.add(sent);
    void sent.finally(() => sending.delete(sent));
  });

  // The setup page's Save: the card number must be one of Stripe's test cards, saved for the session's customer.
  async function saveCard(session: StubSession, body: string): Promise<string | null> {
    const card = testCard(new URLSearchParams(body).get('card') ?? '');
    if (!card) return 'Your card number is invalid. Use one of Stripe’s test cards.';
    const setup = cards.saveCard({ customer: session.customer!, card, secretKey: session.secretKey });
    Object.assign(session, { status: 'complete', setup_intent: setup.id });
    await deliver(emit(session, 'checkout.session.completed'));
    return null;
  }

  async function pay(session: StubSession): Promise<string> {
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: stubId('pi') });
    const eventId = emit(session, 'checkout.session.completed');
    await deliver(eventId);
    return eventId;
  }

  // Every refund, made through the API or in the dashboard, is announced as charge.refunded with the charge's total
  // refunded so far, as Stripe does.
  type Refundable = Pick<StubSession, 'payment_intent' | 'amount_total' | 'currency' | 'refunded' | 'secretKey'>;
  const refundables = (): Refundable[] => [...sessions.values(), ...cards.intents.values()];
  async function refundCharge(session: Refundable, amount: number) {
    session.refunded += amount;
    const charge = { id: `ch_${session.payment_intent}`, object: 'charge', amount: session.amount_total, amount_refunded: session.refunded, currency: session.currency, payment_intent: session.payment_intent, refunded: session.refunded === session.amount_total };
    const eventId = emit(session, 'charge.refunded', charge);
    await deliver(eventId);
    return eventId;
  }

  const json = (response: ServerResponse, status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const error = (response: ServerResponse, { status, ...body }: StubError) => json(response, status, { error: body });

  async function api(request: IncomingMessage, response: ServerResponse, path: string, body: string) {
    const secretKey = keyOf(request.headers.authorization ?? '');
    if (!acceptKey(secretKey)) return error(response, { status: 401, type: 'invalid_request_error', message: `Invalid API Key provided: ${secretKey.slice(0, 8)}****` });
    const form = parseStripeForm(body);
    const idempotencyKey = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : null;
    const answered = cardRoutes({ method: request.method ?? 'GET', path, form, secretKey, idempotencyKey });
    if (answered) return json(response, answered.status, answered.body);
    const owned = (id: string | undefined) => (id && sessions.get(id)?.secretKey === secretKey ? sessions.get(id) : undefined);
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const made = newSession(form, { base, secretKey, hasCustomer: (id) => Boolean(cards.owned(cards.customers, id, secretKey)) });
      if ('error' in made) return error(response, made.error);
      sessions.set(made.session.id, made.session);
      return json(response, 200, publicSession(made.session));
    }
    const read = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path);
    if (request.method === 'GET' && read) {
      const session = owned(read[1]);
      return session ? json(response, 200, publicSession(session)) : error(response, { status: 404, type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: `No such checkout.session: '${read[1]}'` });
    }
    if (request.method === 'POST' && path === '/v1/refunds') return refund(response, secretKey, form);
    if (request.method === 'POST' && path === '/v1/webhook_endpoints') {
      const endpoint = { url: pick(form, 'url') ?? '', secret: `whsec_${randomBytes(24).toString('base64url').replace(/[-_]/g, 'x')}` };
      registerEndpoint(secretKey, endpoint);
      return json(response, 200, { id: stubId('we'), object: 'webhook_endpoint', status: 'enabled', ...endpoint });
    }
    return error(response, { status: 404, type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${path}).` });
  }

  async function refund(response: ServerResponse, secretKey: string, form: ReturnType<typeof parseStripeForm>) {
    const paymentIntent = pick(form, 'payment_intent');
    const session = refundables().find((candidate) => candidate.payment_intent === paymentIntent && candidate.secretKey === secretKey);
    if (!session) return error(response, { status: 404, type: 'invalid_request_error', code: 'resource_missing', param: 'payment_intent', message: `No such payment_intent: '${paymentIntent}'` });
    const amount = Number(pick(form, 'amount') ?? session.amount_total - session.refunded);
    if (session.refunded + amount > session.amount_total) return error(response, { status: 400, type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' });
    await refundCharge(session, amount);
    return json(response, 200, { id: stubId('re'), object: 'refund', amount, currency: session.currency, payment_intent: paymentIntent, status: 'succeeded' });
  }

  async function hosted(request: IncomingMessage, response: ServerResponse, id: string, body: string) {
    const session = sessions.get(id);
    if (!session) return response.writeHead(404).end('No such checkout');
    if (request.method === 'POST' && session.status === 'open' && session.mode === 'setup') {
      const refusal = await saveCard(session, body);
      if (refusal) return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostedCheckoutPage(session, refusal));
      return response.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) }).end();
    }
    if (request.method === 'POST' && session.status === 'open') {
      await pay(session);
      return response.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) }).end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostedCheckoutPage(session));
  }

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', base);
    const checkout = /^\/c\/pay\/(\w+)$/.exec(url.pathname);
    const body = Buffer.concat(chunks).toString('utf8');
    if (checkout) await hosted(request, response, checkout[1]!, body);
    // A GET carries its parameters (expand[]) in the query, as the SDK sends them.
    else await api(request, response, url.pathname, request.method === 'GET' ? url.search.slice(1) : body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    sessions,
    delivered,
    registerEndpoint,
    // Pays a session as its Pay button would, and answers the id of the webhook event sent.
    pay: (id: string) => pay(sessions.get(id)!),
    // A refund the owner makes in Stripe's dashboard rather than in the app; answers the charge.refunded event's id.
    refundFromDashboard: (paymentIntent: string, amount: number) => refundCharge(refundables().find((session) => session.payment_intent === paymentIntent)!, amount),
    cards,
    // Saves a card on a setup session as its Save card button would (a test card number).
    saveCard: (id: string, number: string) => saveCard(sessions.get(id)!, new URLSearchParams({ card: number }).toString()),
    // Waits for the events sent after an answer (payment intents') to have been delivered.
    settled: async () => {
      while (sending.size > 0) await Promise.all([...sending]);
    },
    // Sends an event again, as Stripe does when it is not sure it was received; or signed with another secret.
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type StripeStub = Awaited<ReturnType<typeof startStripeStub>>;
