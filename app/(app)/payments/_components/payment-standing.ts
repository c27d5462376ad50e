import type { getFormatter, getTranslations } from 'next-intl/server';
import type { PaymentStatus } from '@/db/schema';
import { fromMinorUnits, toMinorUnits } from '@/domain/payments/minor-units';

type Words = { t: Awaited<ReturnType<typeof getTranslations<'PaymentsPage'>>>; format: Awaited<ReturnType<typeof getFormatter>> };
export type ReceivedPayment = { amount: string; currency: string; status: PaymentStatus; via: string; refundedAmount: string; paidAt: Date | null; refundedAt: Date | null };

// Where a payment received stands, in the owner's words: paid on its day; a part refunded leaves it paid (what is left
// may still be refunded) and says how much and when; refunded in full on the refund's day. Amounts compare in cents.
export function paymentStanding(payment: ReceivedPayment, { t, format }: Words): { status: string; refund: string | null; left: string } {
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
  const money = (amount: string) => format.number(toMinorUnits(amount) / 100, { style: 'currency', currency: payment.currency });
  const paidMinor = toMinorUnits(payment.amount);
  const refundedMinor = Math.min(toMinorUnits(payment.refundedAmount), paidMinor);
  const at = payment.status === 'refunded' ? (payment.refundedAt ?? payment.paidAt) : payment.paidAt;
  // A saved card's charge waits for its webhook: the member's card is being charged, no checkout is open.
  const shown = payment.via === 'savedCard' && payment.status === 'pending' ? 'charging' : payment.status;
  const status = at ? `${t('status', { status: shown })} · ${when(at)}` : t('status', { status: shown });
  const isPartlyRefunded = payment.status === 'paid' && refundedMinor > 0 && refundedMinor < paidMinor;
  const refund = isPartlyRefunded
    ? t('partlyRefunded', { refunded: money(payment.refundedAmount), amount: money(payment.amount), date: payment.refundedAt ? when(payment.refundedAt) : '' })
    : null;
  return { status, refund, left: fromMinorUnits(paidMinor - refundedMinor) };
}
