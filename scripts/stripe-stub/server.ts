import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { parseStripeForm, pick } from './form-body';
import { hostedCheckoutPage } from './hosted-page';
import { newSession, publicSession, stubId, type StubError, type StubSession } from './sessions';

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
// checkout sessions, refunds and webhook endpoints, form-encoded as the SDK sends them, with Stripe's error shape.
// The Pay button of its checkout page completes the session and sends the signed checkout.session.completed webhook
// to the endpoints registered under the session's key.
export async function startStripeStub({ port = 0, acceptKey = (key: string) => /^(sk|rk)_test_\w+$/.test(key) } = {}) {
  const sessions = new Map<string, StubSession>();
  const endpoints = new Map<string, WebhookEndpoint[]>();
  const delivered: DeliveredEvent[] = [];
  const events = new Map<string, { secretKey: string; payload: string; type: string }>();
  const signer = new Stripe('sk_test_stub_signer');
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

  function emit(session: StubSession, type: string, object: object = publicSession(session)): string {
    const id = stubId('evt');
    const payload = JSON.stringify({ id, object: 'event', type, api_version: null, created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: null, data: { object } }, null, 2);
    events.set(id, { secretKey: session.secretKey, payload, type });
    return id;
  }

  async function pay(session: StubSession): Promise<string> {
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: stubId('pi') });
    const eventId = emit(session, 'checkout.session.completed');
    await deliver(eventId);
    return eventId;
  }

  // Every refund, made through the API or in the dashboard, is announced as charge.refunded with the charge's total
  // refunded so far, as Stripe does.
  async function refundCharge(session: StubSession, amount: number) {
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
    const owned = (id: string | undefined) => (id && sessions.get(id)?.secretKey === secretKey ? sessions.get(id) : undefined);
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const made = newSession(form, { base, secretKey });
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
    const session = [...sessions.values()].find((candidate) => candidate.payment_intent === paymentIntent && candidate.secretKey === secretKey);
    if (!session) return error(response, { status: 404, type: 'invalid_request_error', code: 'resource_missing', param: 'payment_intent', message: `No such payment_intent: '${paymentIntent}'` });
    const amount = Number(pick(form, 'amount') ?? session.amount_total - session.refunded);
    if (session.refunded + amount > session.amount_total) return error(response, { status: 400, type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' });
    await refundCharge(session, amount);
    return json(response, 200, { id: stubId('re'), object: 'refund', amount, currency: session.currency, payment_intent: paymentIntent, status: 'succeeded' });
  }

  async function hosted(request: IncomingMessage, response: ServerResponse, id: string) {
    const session = sessions.get(id);
    if (!session) return response.writeHead(404).end('No such checkout');
    if (request.method === 'POST' && session.status === 'open') {
      await pay(session);
      return response.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) }).end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostedCheckoutPage(session));
  }

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', base).pathname;
    const checkout = /^\/c\/pay\/(\w+)$/.exec(path);
    if (checkout) await hosted(request, response, checkout[1]!);
    else await api(request, response, path, Buffer.concat(chunks).toString('utf8'));
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
    refundFromDashboard: (paymentIntent: string, amount: number) => refundCharge([...sessions.values()].find((session) => session.payment_intent === paymentIntent)!, amount),
    // Sends an event again, as Stripe does when it is not sure it was received; or signed with another secret.
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type StripeStub = Awaited<ReturnType<typeof startStripeStub>>;
