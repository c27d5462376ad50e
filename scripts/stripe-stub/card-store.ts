import { stubId } from './sessions';
import type { TestCard } from './test-cards';

export type StubCustomer = { id: string; object: 'customer'; email: string | null; name: string | null; metadata: Record<string, string>; secretKey: string };
export type StubPaymentMethod = {
  id: string;
  object: 'payment_method';
  type: 'card';
  customer: string | null;
  card: { brand: string; last4: string; exp_month: number; exp_year: number };
  outcome: TestCard['outcome'];
  secretKey: string;
};
export type StubSetupIntent = { id: string; object: 'setup_intent'; status: 'succeeded'; customer: string; payment_method: string; usage: 'off_session'; secretKey: string };
// A payment intent the API made (off session), refundable as a paid checkout is.
export type StubIntent = {
  id: string;
  payment_intent: string;
  amount_total: number;
  currency: string;
  refunded: number;
  secretKey: string;
  body: Record<string, unknown>;
};

// What the stub keeps of customers and their cards; only the key that made a thing reads it.
export function cardStore() {
  const customers = new Map<string, StubCustomer>();
  const paymentMethods = new Map<string, StubPaymentMethod>();
  const setupIntents = new Map<string, StubSetupIntent>();
  const intents = new Map<string, StubIntent>();
  const owned = <T extends { secretKey: string }>(map: Map<string, T>, id: string | undefined, secretKey: string) => {
    const found = id ? map.get(id) : undefined;
    return found?.secretKey === secretKey ? found : undefined;
  };
  // A card saved on the setup page: a payment method attached to the session's customer, and its succeeded setup.
  function saveCard({ customer, card, secretKey }: { customer: string; card: TestCard; secretKey: string }) {
    const method: StubPaymentMethod = {
      id: stubId('pm'),
      object: 'payment_method',
      type: 'card',
      customer,
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: new Date().getUTCFullYear() + 4 },
      outcome: card.outcome,
      secretKey,
    };
    paymentMethods.set(method.id, method);
    const setup: StubSetupIntent = { id: stubId('seti'), object: 'setup_intent', status: 'succeeded', customer, payment_method: method.id, usage: 'off_session', secretKey };
    setupIntents.set(setup.id, setup);
    return setup;
  }
  return { customers, paymentMethods, setupIntents, intents, owned, saveCard };
}
export type CardStore = ReturnType<typeof cardStore>;

// As the API shows it: the key that made it stays inside the stub.
export function shown<T extends { secretKey: string }>(value: T) {
  const copy: Partial<T> = { ...value };
  delete copy.secretKey;
  delete (copy as Partial<StubPaymentMethod>).outcome;
  return copy;
}
