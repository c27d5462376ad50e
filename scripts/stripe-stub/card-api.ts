import { pick, type FormValue } from './form-body';
import { shown, type CardStore, type StubIntent } from './card-store';
import { stubId, type StubError } from './sessions';

type Answer = { status: number; body: unknown };
type Request = { method: string; path: string; form: Record<string, FormValue>; secretKey: string; idempotencyKey: string | null };
// Sends an event to the key's endpoints after the answer has gone, as Stripe does.
type Announce = (secretKey: string, type: string, object: object) => void;

const missing = (kind: string, id: string | undefined, param = 'id'): Answer => ({
  status: 404,
  body: { error: { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id ?? ''}'` } satisfies Omit<StubError, 'status'> },
});
const ok = (body: unknown): Answer => ({ status: 200, body });
const metadataOf = (form: Record<string, FormValue>) =>
  typeof form.metadata === 'object' ? (Object.fromEntries(Object.entries(form.metadata).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : {};

// Customers, setup intents, payment methods and off-session payment intents, as the SDK calls them.
export function cardApi(store: CardStore, announce: Announce) {
  // An idempotency key answers the same thing again, and does nothing twice (per secret key, as Stripe's are).
  const remembered = new Map<string, Answer>();

  function createIntent({ form, secretKey }: Request): Answer {
    const amount = Number(pick(form, 'amount'));
    const currency = pick(form, 'currency');
    const customer = store.owned(store.customers, pick(form, 'customer'), secretKey);
    const method = store.owned(store.paymentMethods, pick(form, 'payment_method'), secretKey);
    if (!Number.isInteger(amount) || amount < 1) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: 'Invalid integer.' } } };
    if (!currency) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', param: 'currency', message: 'Missing required param: currency.' } } };
    if (!customer) return missing('customer', pick(form, 'customer'), 'customer');
    if (!method || method.customer !== customer.id) return missing('payment_method', pick(form, 'payment_method'), 'payment_method');
    const id = stubId('pi');
    const base = { id, object: 'payment_intent', amount, currency, customer: customer.id, payment_method: method.id, description: pick(form, 'description') ?? null, metadata: metadataOf(form), off_session: pick(form, 'off_session') === 'true', livemode: false };
    if (method.outcome === 'succeeds') {
      const intent = { ...base, status: 'succeeded', amount_received: amount, last_payment_error: null };
      store.intents.set(id, { id, payment_intent: id, amount_total: amount, currency, refunded: 0, secretKey, body: intent } satisfies StubIntent);
      announce(secretKey, 'payment_intent.succeeded', intent);
      return ok(intent);
    }
    const code = method.outcome;
    const lastError = { type: 'card_error', code, decline_code: code === 'card_declined' ? 'generic_decline' : undefined, message: code === 'card_declined' ? 'Your card was declined.' : 'This payment requires authentication.' };
    const intent = { ...base, status: 'requires_payment_method', amount_received: 0, last_payment_error: lastError };
    announce(secretKey, 'payment_intent.payment_failed', intent);
    return { status: 402, body: { error: { ...lastError, payment_intent: intent } } };
  }

  function route(request: Request): Answer | null {
    const { method, path, form, secretKey } = request;
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: stubId('cus'), object: 'customer' as const, email: pick(form, 'email') ?? null, name: pick(form, 'name') ?? null, metadata: metadataOf(form), secretKey };
      store.customers.set(customer.id, customer);
      return ok(shown(customer));
    }
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(request);
    const setup = /^\/v1\/setup_intents\/(\w+)$/.exec(path);
    if (method === 'GET' && setup) {
      const found = store.owned(store.setupIntents, setup[1], secretKey);
      if (!found) return missing('setup_intent', setup[1]);
      const expanded = pick(form, 'expand', '0') === 'payment_method';
      return ok({ ...shown(found), payment_method: expanded ? shown(store.paymentMethods.get(found.payment_method)!) : found.payment_method });
    }
    const paymentMethod = /^\/v1\/payment_methods\/(\w+)(\/detach)?$/.exec(path);
    if (paymentMethod) {
      const found = store.owned(store.paymentMethods, paymentMethod[1], secretKey);
      if (!found) return missing('payment_method', paymentMethod[1]);
      if (method === 'POST' && paymentMethod[2]) found.customer = null;
      return ok(shown(found));
    }
    return null;
  }

  return function handle(request: Request): Answer | null {
    if (request.method !== 'POST' || !request.idempotencyKey) return route(request);
    const key = `${request.secretKey} ${request.idempotencyKey}`;
    if (!remembered.has(key)) {
      const answer = route(request);
      if (!answer) return null;
      remembered.set(key, answer);
    }
    return remembered.get(key)!;
  };
}
