import type { Executor } from '../../db/client';
import { claimFailedChargesToTell, releaseFailedCharge, type FailedCharge } from '../data/charge-notices';
import { appUrl } from '../email/config';
import { deliverEmail } from '../email/deliver';
import { renderEmail } from '../email/layout';
import { emailTranslator } from '../email/messages';
import { monthName, statementFormat } from '../statements/format';
import { holderKey } from '../statements/holder';

type MailLog = Parameters<typeof deliverEmail>[0]['log'];
type Context = { db: Executor; log: MailLog };
const BATCH = 10;

// Why the charge did not go through, in the member's words: the bank declined, it asked the member to confirm (which
// cannot be done while they are away), or the payment service could not be reached (or its answer was lost: 'noAnswer').
const reasonOf = (code: string) => (code === 'authentication_required' ? 'authentication' : code.startsWith('paymentProvider') || code === 'noAnswer' ? 'unreachable' : 'declined');

export function chargeFailedEmail(charge: FailedCharge) {
  const t = emailTranslator(charge.locale);
  const month = monthName(charge.locale, charge.periodStart);
  const holder = charge.userId ? { userId: charge.userId } : { cardId: charge.cardId! };
  const amount = statementFormat(charge.locale, 'UTC').money(charge.amount, charge.currency);
  return renderEmail({
    subject: t('savedCardFailed.subject', { month, accountName: charge.accountName }),
    greeting: t('greeting', { name: charge.name }),
    paragraphs: [t('savedCardFailed.body', { month, amount, accountName: charge.accountName }), t('savedCardFailed.reason', { reason: reasonOf(charge.failureCode) })],
    action: { label: t('savedCardFailed.action'), url: `${appUrl()}/statements/${holderKey(holder)}?month=${charge.periodStart.slice(0, 7)}` },
    footer: t('savedCardFailed.footer'),
  });
}

// Tells each member once that their saved card was not charged, in their language, with the way to pay by checkout.
// One that cannot go out is released and tried at the next run.
export async function tellFailedCharges({ db, log }: Context): Promise<number> {
  let told = 0;
  for (const charge of await claimFailedChargesToTell(db, { limit: BATCH })) {
    try {
      await deliverEmail({ db, log }, { to: charge.email, ...chargeFailedEmail(charge) });
      told += 1;
    } catch (error) {
      log.error({ paymentId: charge.id, reason: error instanceof Error ? error.message : String(error) }, 'card decline e-mail not sent');
      await releaseFailedCharge(db, charge);
      break;
    }
  }
  return told;
}
