import { failure } from '../data/result';
import type { PaymentProvider } from './provider';

// Members pay by bank transfer with the statement's reference, and an owner marks it paid: nothing goes online.
export const manualProvider: PaymentProvider = {
  name: 'manual',
  openCheckout: async () => failure('paymentsManual'),
  readCheckout: async () => failure('paymentsManual'),
  readWebhook: () => failure('badSignature'),
  refund: async () => failure('paymentsManual'),
};
