import { randomBytes } from 'node:crypto';
import { pick, type FormValue } from './form-body';

export type StubSession = {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  customer_email: string | null;
  payment_intent: string | null;
  // Setup mode: the customer whose card is saved, and the setup intent once it is.
  customer: string | null;
  setup_intent: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  livemode: false;
  // Which secret key made it: only that key reads it, refunds it, hears its webhook.
  secretKey: string;
  refunded: number;
};

export const stubId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

export type StubError = { status: number; type: string; message: string; param?: string; code?: string };

const missing = (param: string) => ({ error: { status: 400, type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` } as StubError });

type SessionFields = Pick<StubSession, 'mode' | 'amount_total' | 'currency' | 'description' | 'metadata' | 'client_reference_id' | 'customer_email' | 'customer'>;

// What every new session has, open and unpaid, whichever its mode; `fields` are what the mode sets.
function openSession(form: Record<string, FormValue>, { base, secretKey }: { base: string; secretKey: string }, fields: SessionFields): StubSession {
  const id = stubId('cs');
  return {
    id,
    object: 'checkout.session',
    status: 'open',
    payment_status: 'unpaid',
    payment_intent: null,
    setup_intent: null,
    success_url: pick(form, 'success_url')!,
    cancel_url: pick(form, 'cancel_url') ?? pick(form, 'success_url')!,
    url: `${base}/c/pay/${id}`,
    livemode: false,
    secretKey,
    refunded: 0,
    ...fields,
  };
}

// A session in setup mode saves a card for its customer (one of this key's); it has nothing to pay.
function newSetupSession(form: Record<string, FormValue>, { base, secretKey, hasCustomer }: { base: string; secretKey: string; hasCustomer: (id: string) => boolean }): { session: StubSession } | { error: StubError } {
  const customer = pick(form, 'customer');
  if (!pick(form, 'success_url')) return missing('success_url');
  if (!customer) return missing('customer');
  if (!hasCustomer(customer)) return { error: { status: 400, type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: `No such customer: '${customer}'` } };
  const fields = { mode: 'setup', amount_total: 0, currency: '', description: '', metadata: {}, client_reference_id: null, customer_email: null, customer };
  return { session: openSession(form, { base, secretKey }, fields) };
}

// Checks what Stripe would refuse and builds the session; an error names the parameter, as Stripe's does.
export function newSession(form: Record<string, FormValue>, options: { base: string; secretKey: string; hasCustomer: (id: string) => boolean }): { session: StubSession } | { error: StubError } {
  if (pick(form, 'mode') === 'setup') return newSetupSession(form, options);
  const { base, secretKey } = options;
  const item = form.line_items;
  const amount = Number(pick(item, '0', 'price_data', 'unit_amount'));
  const currency = pick(item, '0', 'price_data', 'currency');
  if (!pick(form, 'mode')) return missing('mode');
  if (!pick(form, 'success_url')) return missing('success_url');
  if (!currency) return missing('line_items[0][price_data][currency]');
  if (!Number.isInteger(amount) || amount < 1) return { error: { ...missing('line_items[0][price_data][unit_amount]').error, code: 'parameter_invalid_integer', message: 'Invalid integer.' } };
  const metadata = typeof form.metadata === 'object' ? (Object.fromEntries(Object.entries(form.metadata).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : {};
  const fields = {
    mode: pick(form, 'mode')!,
    amount_total: amount,
    currency,
    description: pick(item, '0', 'price_data', 'product_data', 'name') ?? '',
    metadata,
    client_reference_id: pick(form, 'client_reference_id') ?? null,
    customer_email: pick(form, 'customer_email') ?? null,
    customer: null,
  };
  return { session: openSession(form, { base, secretKey }, fields) };
}

// The session as the API shows it (the key that made it stays inside the stub).
export function publicSession(session: StubSession) {
  const shown: Partial<StubSession> = { ...session };
  delete shown.secretKey;
  delete shown.refunded;
  return shown;
}
