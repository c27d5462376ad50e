// How a payment received reads on the owner's Payments page: paid on its day, partly refunded with how much and when,
// or refunded; amounts compared as money (cents), not as the text the database gives.
import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { paymentStanding, type ReceivedPayment } from '@/app/(app)/payments/_components/payment-standing';

const paidAt = new Date('2026-11-03T10:00:00Z');
const refundedAt = new Date('2026-11-20T15:30:00Z');
const words = (locale: 'en' | 'de') => ({
  t: createTranslator({ locale, messages: locale === 'en' ? en : de, namespace: 'PaymentsPage' }),
  format: createFormatter({ locale, timeZone: 'UTC' }),
});
const payment = (fields: Partial<ReceivedPayment>): ReceivedPayment => ({ amount: '12.30', currency: 'EUR', status: 'paid', via: 'checkout', refundedAmount: '0.00', paidAt, refundedAt: null, ...fields });

describe('a payment received', () => {
  it('a saved card being charged reads as such, not as a checkout opened', () => {
    expect(paymentStanding(payment({ status: 'pending', via: 'savedCard', paidAt: null }), words('en')).status).toBe('Charging the saved card');
    expect(paymentStanding(payment({ status: 'pending', paidAt: null }), words('en')).status).toBe('Checkout opened');
  });

  it('paid and not refunded says Paid on the day it was paid, with all of it left to refund', () => {
    expect(paymentStanding(payment({}), words('en'))).toEqual({ status: 'Paid · Nov 3, 2026, 10:00 AM', refund: null, left: '12.30' });
  });

  it('partly refunded stays Paid on the day it was paid and says how much was refunded, and when', () => {
    const standing = paymentStanding(payment({ refundedAmount: '0.05', refundedAt }), words('en'));
    expect(standing).toEqual({ status: 'Paid · Nov 3, 2026, 10:00 AM', refund: 'Partly refunded: €0.05 of €12.30 · Nov 20, 2026, 3:30 PM', left: '12.25' });
    expect(paymentStanding(payment({ refundedAmount: '0.05', refundedAt }), words('de')).refund).toBe('Teilweise erstattet: 0,05\u00a0€ von 12,30\u00a0€ · 20.11.2026, 15:30');
  });

  it('refunded in full says Refunded on the day of the refund; an amount written 12.3 is the same money as 12.30', () => {
    expect(paymentStanding(payment({ status: 'refunded', refundedAmount: '12.30', refundedAt }), words('en'))).toEqual({ status: 'Refunded · Nov 20, 2026, 3:30 PM', refund: null, left: '0.00' });
    expect(paymentStanding(payment({ amount: '12.3', refundedAmount: '0' }), words('en')).refund).toBeNull();
  });
});
