import { failure } from '../data/result';
import type { PaymentProvider } from './provider';

// Members pay by bank transfer with the statement's reference, and an owner marks it paid: nothing goes online, and
// no card can be saved.
export const manualProvider: PaymentProvider = {
  name: 'manual',
  openCheckout: async () => failure('paymentsManual'),
  readCheckout: async () => failure('paymentsManual'),
  readWebhook: () => failure('badSignature'),
  refund: async () => failure('paymentsManual'),
  createCustomer: async () => failure('paymentsManual'),
  openCardSetup: async () => failure('paymentsManual'),
  readCardSetup: async () => failure('paymentsManual'),
  removeCard: async () => failure('paymentsManual'),
  chargeSavedCard: async () => failure('paymentsManual'),
};
