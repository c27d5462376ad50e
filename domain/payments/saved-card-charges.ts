import type { Executor } from '../../db/client';
import { claimCardCharge, listCardChargesToMake, recordChargeAccepted, recordChargeFailed, type CardChargeCandidate } from '../data/card-charges';
import { listStaleCardCharges, type StaleCardCharge } from '../data/stale-card-charges';
import { paymentTranslator } from '../email/messages';
import { monthName } from '../statements/format';
import { providerForAccount } from './account-provider';
import { toMinorUnits } from './minor-units';
import type { PaymentProvider } from './provider';

type ChargeLog = { [level in 'info' | 'warn' | 'error']: (fields: object, message: string) => void };
type Context = { db: Executor; secret: string; log: ChargeLog };
type Charge = Omit<CardChargeCandidate, 'userId'> & { chargeId: string };
const BATCH = 20;
// A claim this old whose answer was never recorded was lost (its process died, or something threw): it is asked again.
const RESUME_AFTER_SECONDS = 120;
// Stripe keeps an idempotency key 24 hours; past this, asking again might charge twice, so the claim is given up.
const GIVE_UP_AFTER_SECONDS = 23 * 3600;

// Asks the provider to charge the card under the statement's one idempotency key (asked again, Stripe answers with its
// first result and charges nothing more), and records its answer.
async function charge({ db, log }: Context, provider: PaymentProvider, charge: Charge) {
  const month = monthName(charge.locale, charge.periodStart);
  const charged = await provider.chargeSavedCard({
    chargeId: charge.chargeId,
    statementId: charge.statementId,
    customerId: charge.providerCustomerId,
    paymentMethodId: charge.providerPaymentMethodId,
    amountMinor: toMinorUnits(charge.amount),
    currency: charge.currency,
    description: paymentTranslator(charge.locale)('checkoutDescription', { month, reference: charge.transferReference }),
    idempotencyKey: `chargewatch-statement-${charge.statementId}`,
  });
  const scope = { accountId: charge.accountId, chargeId: charge.chargeId };
  const outcome = charged.ok ? charged.value : { state: 'declined' as const, code: charged.reason, paymentId: null };
  if (outcome.state === 'accepted') {
    await recordChargeAccepted(db, { ...scope, paymentId: outcome.paymentId });
    return;
  }
  // Declined, or Stripe out of reach or refusing the key: the member is told and pays by checkout instead.
  const { code, paymentId } = outcome;
  await recordChargeFailed(db, { ...scope, paymentId, code });
  log.warn({ statementId: charge.statementId, code }, 'saved card not charged');
}

async function chargeOne(context: Context, candidate: CardChargeCandidate): Promise<boolean> {
  const { db, secret } = context;
  const provider = await providerForAccount(db, { accountId: candidate.accountId, secret, purpose: 'checkout' });
  if (provider.name === 'manual') return false;
  const chargeId = await claimCardCharge(db, candidate);
  if (!chargeId) return false;
  await charge(context, provider, { ...candidate, chargeId });
  return true;
}

// A lost claim is charged again while Stripe still knows its key. Too old, its card removed, its statement settled by
// hand, or Stripe no longer chosen: it is recorded failed ('noAnswer'), the member is told as for a decline (unless the
// statement is paid) and pays by checkout.
async function resumeOne(context: Context, stale: StaleCardCharge) {
  const { db, secret, log } = context;
  const scope = { accountId: stale.accountId, chargeId: stale.chargeId };
  const provider = await providerForAccount(db, { accountId: stale.accountId, secret, purpose: 'checkout' });
  const { providerCustomerId, providerPaymentMethodId } = stale;
  if (stale.tooOld || !stale.stillDue || provider.name === 'manual' || !providerCustomerId || !providerPaymentMethodId) {
    await recordChargeFailed(db, { ...scope, paymentId: null, code: 'noAnswer' });
    log.warn({ statementId: stale.statementId }, 'saved-card charge given up: its answer was lost');
    return;
  }
  log.info({ statementId: stale.statementId }, 'saved-card charge asked again: its answer was lost');
  await charge(context, provider, { ...stale, providerCustomerId, providerPaymentMethodId });
}

// One statement that throws (the database, a bug) is logged and the others are still charged; its claim, if made, is
// resumed by a later run.
async function eachSafely<T extends { statementId: string }>(log: ChargeLog, items: T[], work: (item: T) => Promise<boolean | void>) {
  let done = 0;
  for (const item of items) {
    try {
      if ((await work(item)) !== false) done += 1;
    } catch (error) {
      log.error({ statementId: item.statementId, err: error }, 'saved card charge failed unexpectedly');
    }
  }
  return done;
}

// Charges the saved card of each member whose statement was just issued, once per statement: the claim is unique per
// statement, and the provider is given one idempotency key per statement. Paid it is when the provider's webhook says so.
// Claims whose answer was lost are taken up first.
export async function chargeSavedCards(context: Context): Promise<number> {
  const stale = await listStaleCardCharges(context.db, { after: RESUME_AFTER_SECONDS, giveUpAfter: GIVE_UP_AFTER_SECONDS, limit: BATCH });
  const resumed = await eachSafely(context.log, stale, (item) => resumeOne(context, item));
  const tried = await eachSafely(context.log, await listCardChargesToMake(context.db, { limit: BATCH }), (candidate) => chargeOne(context, candidate));
  if (tried + resumed > 0) context.log.info({ tried, resumed }, 'saved cards charged');
  return tried + resumed;
}
