import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { CardChargeCandidate } from './card-charges';

// A claimed charge whose claimer never recorded Stripe's answer (it died, or something threw in between), with what is
// needed to ask Stripe again: the amount and currency claimed, and the member's card if it is still saved.
export type StaleCardCharge = Omit<CardChargeCandidate, 'userId' | 'providerCustomerId' | 'providerPaymentMethodId'> & {
  chargeId: string;
  userId: string | null;
  providerCustomerId: string | null;
  providerPaymentMethodId: string | null;
  // Claimed long enough ago that Stripe may no longer know its idempotency key (kept 24 hours): asking again could charge twice.
  tooOld: boolean;
  // Its statement was settled since (by hand): it is not charged again.
  stillDue: boolean;
};

// Saved-card charges still pending with no provider payment id, claimed more than `after` seconds ago (one claimed just
// now may be waiting for Stripe's answer in another process), older ones first.
export async function listStaleCardCharges(db: Executor, { after, giveUpAfter, limit }: { after: number; giveUpAfter: number; limit: number }): Promise<StaleCardCharge[]> {
  return db.execute<StaleCardCharge>(sql`
    select p.id as "chargeId", s.id as "statementId", p.account_id as "accountId", p.started_by as "userId", coalesce(u.locale, 'en') as locale,
      p.amount::text as amount, p.currency, s.period_start::text as "periodStart", s.transfer_reference as "transferReference",
      sc.provider_customer_id as "providerCustomerId", sc.provider_payment_method_id as "providerPaymentMethodId",
      p.created_at < now() - make_interval(secs => ${giveUpAfter}) as "tooOld", s.status = 'due' as "stillDue"
    from payments p
    join statements s on s.id = p.statement_id
    left join users u on u.id = p.started_by
    left join saved_cards sc on sc.account_id = p.account_id and sc.user_id = p.started_by
    where p.via = 'savedCard' and p.status = 'pending' and p.provider_payment_id is null
      and p.created_at < now() - make_interval(secs => ${after})
    order by p.created_at
    limit ${limit}`);
}
