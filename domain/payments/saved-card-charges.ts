import type { Executor } from '../../db/client';
import { claimCardCharge, listCardChargesToMake, recordChargeAccepted, recordChargeFailed, type CardChargeCandidate } from '../data/card-charges';
import { paymentTranslator } from '../email/messages';
import { monthName } from '../statements/format';
import { providerForAccount } from './account-provider';
import { toMinorUnits } from './minor-units';

type ChargeLog = { info: (fields: object, message: string) => void; warn: (fields: object, message: string) => void };
type Context = { db: Executor; secret: string; log: ChargeLog };
const BATCH = 20;

async function chargeOne({ db, secret, log }: Context, candidate: CardChargeCandidate): Promise<boolean> {
  const provider = await providerForAccount(db, { accountId: candidate.accountId, secret, purpose: 'checkout' });
  if (provider.name === 'manual') return false;
  const chargeId = await claimCardCharge(db, candidate);
  if (!chargeId) return false;
  const month = monthName(candidate.locale, candidate.periodStart);
  const charged = await provider.chargeSavedCard({
    chargeId,
    statementId: candidate.statementId,
    customerId: candidate.providerCustomerId,
    paymentMethodId: candidate.providerPaymentMethodId,
    amountMinor: toMinorUnits(candidate.amount),
    currency: candidate.currency,
    description: paymentTranslator(candidate.locale)('checkoutDescription', { month, reference: candidate.transferReference }),
    idempotencyKey: `chargewatch-statement-${candidate.statementId}`,
  });
  const scope = { accountId: candidate.accountId, chargeId };
  const outcome = charged.ok ? charged.value : { state: 'declined' as const, code: charged.reason, paymentId: null };
  if (outcome.state === 'accepted') {
    await recordChargeAccepted(db, { ...scope, paymentId: outcome.paymentId });
    return true;
  }
  // Declined, or Stripe out of reach or refusing the key: the member is told and pays by checkout instead.
  const { code, paymentId } = outcome;
  await recordChargeFailed(db, { ...scope, paymentId, code });
  log.warn({ statementId: candidate.statementId, code }, 'saved card not charged');
  return true;
}

// Charges the saved card of each member whose statement was just issued, once per statement: the claim is unique per
// statement, and the provider is given one idempotency key per statement. Paid it is when the provider's webhook says so.
export async function chargeSavedCards(context: Context): Promise<number> {
  let tried = 0;
  for (const candidate of await listCardChargesToMake(context.db, { limit: BATCH })) {
    if (await chargeOne(context, candidate)) tried += 1;
  }
  if (tried > 0) context.log.info({ tried }, 'saved cards charged');
  return tried;
}
